using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>
/// A comment as HTML: its text encoded, line breaks kept (by CSS), and web addresses (http and https only) made into
/// links that open nothing of ours — nothing else in it is ever rendered.
/// </summary>
public static partial class CommentText
{
    private const string TrailingPunctuation = ".,;:!?)]}'\"";

    public static IHtmlContent Render(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }

        var html = new StringBuilder(text.Length + 32);
        var at = 0;
        foreach (Match match in Address().Matches(text))
        {
            var address = match.Value.TrimEnd(TrailingPunctuation.ToCharArray());
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                continue;
            }

            html.Append(HtmlEncoder.Default.Encode(text[at..match.Index]));
            html.Append("<a href=\"").Append(HtmlEncoder.Default.Encode(uri.AbsoluteUri)).Append("\" rel=\"nofollow noopener noreferrer\">")
                .Append(HtmlEncoder.Default.Encode(address)).Append("</a>");
            at = match.Index + address.Length;
        }

        html.Append(HtmlEncoder.Default.Encode(text[at..]));
        return new HtmlString(html.ToString());
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Address();
}
