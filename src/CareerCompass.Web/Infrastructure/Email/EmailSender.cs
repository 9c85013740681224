using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Infrastructure.Email;

/// <summary>
/// The one e-mail sender. Both transports go through <see cref="SmtpClient"/>: over the network to an SMTP
/// server, or into a pickup folder as .eml files that any mail program opens (links included).
/// </summary>
internal sealed partial class EmailSender(IOptions<EmailOptions> options, DataPaths paths, ILogger<EmailSender> logger) : IEmailSender
{
    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        var settings = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(settings.From),
            Subject = subject,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            Body = PlainTextOf(htmlMessage),
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
        };
        message.To.Add(new MailAddress(email));
        var html = AlternateView.CreateAlternateViewFromString(htmlMessage, Encoding.UTF8, MediaTypeNames.Text.Html);
        html.TransferEncoding = TransferEncoding.QuotedPrintable;
        message.AlternateViews.Add(html);

        using var client = CreateClient(settings);
        await client.SendMailAsync(message);
        LogSent(logger, settings.Transport, subject);
    }

    private SmtpClient CreateClient(EmailOptions settings)
    {
        if (settings.Transport == EmailTransport.Pickup)
        {
            var folder = paths.Resolve(settings.PickupDirectory);
            Directory.CreateDirectory(folder);
            return new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = folder,
            };
        }

        var smtp = settings.Smtp;
        var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.EnableTls,
            Timeout = smtp.TimeoutSeconds * 1000,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        return client;
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent an e-mail through {Transport}: {Subject}")]
    private static partial void LogSent(ILogger logger, EmailTransport transport, string subject);
}
