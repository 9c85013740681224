using System.Text.Encodings.Web;
using CareerCompass.Web.Components;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CareerCompass.Web.Infrastructure.Design;

/// <summary>
/// <c>&lt;icon name="flag" /&gt;</c>: one symbol of the sprite wwwroot/icons.svg (built from Styles/icons.txt by
/// scripts/build-css.sh), drawn at the text's size in its colour. Icons are always decorative — hidden from screen
/// readers — so the words beside one must say what it means. The <see cref="Icon"/> component writes the same markup
/// for Razor components; <see cref="IconSprite"/> gives both the sprite's address.
/// </summary>
[HtmlTargetElement("icon", Attributes = "name", TagStructure = TagStructure.WithoutEndTag)]
public sealed class IconTagHelper(IconSprite sprite, HtmlEncoder encoder) : TagHelper
{
    public const string SpritePath = "/icons.svg";

    public string Name { get; set; } = "";

    /// <summary>More classes beside <c>icon</c>, e.g. <c>icon-lg</c>.</summary>
    public string? Class { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "svg";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", string.IsNullOrEmpty(Class) ? "icon" : "icon " + Class);
        output.Attributes.SetAttribute("aria-hidden", "true");
        output.Attributes.SetAttribute("focusable", "false");
        output.Content.SetHtmlContent($"<use href=\"{encoder.Encode(sprite.Href(Name))}\"></use>");
    }
}
