using System.Text.Encodings.Web;
using CareerCompass.Web.Components;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CareerCompass.Web.Infrastructure.Design;

/// <summary>
/// <c>&lt;status-message text="@Model.StatusMessage" /&gt;</c>: what just happened ("Saved", "Added …"), announced
/// politely to screen readers (<c>role="status"</c>), or nothing when there is no message. Written by a tag helper
/// rather than a partial view: a partial is a view looked up, activated and rendered into a buffer of its own on
/// every page that has one, and nearly thirty pages do.
/// </summary>
[HtmlTargetElement("status-message", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusMessageTagHelper(IconSprite sprite, HtmlEncoder encoder) : TagHelper
{
    public string? Text { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (string.IsNullOrEmpty(Text))
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "alert alert-success alert-with-icon");
        output.Attributes.SetAttribute("role", "status");
        output.Content.SetHtmlContent(
            IconTagHelper.Svg(sprite, encoder, "check-circle") + $"<span>{encoder.Encode(Text)}</span>");
    }
}
