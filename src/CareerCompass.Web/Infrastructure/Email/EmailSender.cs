using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity.UI.Services;

namespace CareerCompass.Web.Infrastructure.Email;

/// <summary>
/// Identity's <see cref="IEmailSender"/> (account mail: confirmation, reset, change of address) as a thin adapter
/// over <see cref="IAppMailer"/>: the HTML as given, a plain-text part read from it, a Message-ID the mailer makes.
/// </summary>
internal sealed partial class EmailSender(IAppMailer mailer) : IEmailSender
{
    public Task SendEmailAsync(string email, string subject, string htmlMessage) =>
        mailer.SendAsync(new AppMail(new AppMailAddress(email), subject, PlainTextOf(htmlMessage), htmlMessage), CancellationToken.None);

    /// <summary>A readable plain-text part: links kept as "text (url)", tags dropped.</summary>
    internal static string PlainTextOf(string html)
    {
        var withLinks = LinkPattern().Replace(html, m => $"{m.Groups["text"].Value} ({WebUtility.HtmlDecode(m.Groups["href"].Value)})");
        var withBreaks = BreakPattern().Replace(withLinks, "\n");
        return WebUtility.HtmlDecode(TagPattern().Replace(withBreaks, string.Empty)).Trim();
    }

    // The HTML carries people's input (names, addresses in links), so the patterns run in linear time, with no timeout.
    [GeneratedRegex("<a[^>]*href=['\"](?<href>[^'\"]*)['\"][^>]*>(?<text>.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.NonBacktracking)]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<br\\s*/?>|</p>", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex BreakPattern();

    [GeneratedRegex("<[^>]+>", RegexOptions.NonBacktracking)]
    private static partial Regex TagPattern();
}
