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
        output.TagName = null;
        output.Content.SetHtmlContent(Svg(sprite, encoder, Name, Class));
    }

    /// <summary>The markup of one icon, for this tag helper and for tag helpers that draw one inside their own markup.</summary>
    public static string Svg(IconSprite sprite, HtmlEncoder encoder, string name, string? cssClass = null)
    {
        ArgumentNullException.ThrowIfNull(sprite);
        ArgumentNullException.ThrowIfNull(encoder);
        var classes = string.IsNullOrEmpty(cssClass) ? "icon" : "icon " + cssClass;
        return $"<svg class=\"{encoder.Encode(classes)}\" aria-hidden=\"true\" focusable=\"false\"><use href=\"{encoder.Encode(sprite.Href(name))}\"></use></svg>";
    }
}
