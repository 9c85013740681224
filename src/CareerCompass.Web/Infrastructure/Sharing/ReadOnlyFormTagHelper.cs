using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>
/// A reflection step is a form that saves as you type. Shown to a reader who may not change it (a counsellor with
/// the reflection shared), it becomes what it then is — a read-only record: no form, no antiforgery token, no
/// autosave, every field inside a disabled fieldset so it reads as the client wrote it and nothing can be sent.
/// Runs after the framework's form tag helper (which put the token in the post-content).
/// </summary>
[HtmlTargetElement("form", Attributes = "data-autosave")]
public sealed class ReadOnlyFormTagHelper(Subject subject) : TagHelper
{
    private static readonly string[] FormAttributes = ["method", "action", "novalidate", "data-autosave", "enctype"];

    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!subject.IsResolved || subject.CanChange)
        {
            return;
        }

        output.TagName = "div";
        foreach (var name in FormAttributes)
        {
            output.Attributes.RemoveAll(name);
        }

        output.PostContent.Clear();
        output.PreContent.AppendHtml("<fieldset disabled class=\"read-only-record\">");
        output.PostContent.AppendHtml("</fieldset>");
    }
}
