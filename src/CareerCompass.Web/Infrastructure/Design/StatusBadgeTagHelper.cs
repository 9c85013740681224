using System.Text.Encodings.Web;
using CareerCompass.Web.Components;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CareerCompass.Web.Infrastructure.Design;

/// <summary>
/// <c>&lt;status-badge view="@StatusBadgeView.Of(goal.Status)" class="ms-1" /&gt;</c>: a status in a small badge — a
/// goal's, a milestone's, a journey step's, a sharing invitation's, a client's review. The words say the status; the
/// tone only underlines it. A <c>class</c> on the element (spacing from the page) follows the badge's own classes.
/// A tag helper rather than a Razor component: it is one span, and a page such as the goals list or the caseload
/// writes one per row, where each component would be a render of its own.
/// </summary>
[HtmlTargetElement("status-badge", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusBadgeTagHelper(HtmlEncoder encoder) : TagHelper
{
    public StatusBadgeView View { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(View);
        // Razor hands the page's class over already encoded (an HtmlString) when it is written in the markup.
        var spacing = output.Attributes.TryGetAttribute("class", out var attribute) ? attribute.Value switch
        {
            null => null,
            IHtmlContent html => Written(html),
            var value => encoder.Encode(value.ToString() ?? string.Empty),
        } : null;
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", new HtmlString(string.IsNullOrWhiteSpace(spacing) ? View.Classes : View.Classes + " " + spacing));
        output.Content.SetContent(View.Text);
    }

    private string Written(IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, encoder);
        return writer.ToString();
    }
}
