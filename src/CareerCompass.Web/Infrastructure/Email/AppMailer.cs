using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Infrastructure.Email;

/// <summary>
/// The one mailer. Both transports go through <see cref="SmtpClient"/>: over the network to an SMTP server, or into
/// a pickup folder as .eml files that any mail program opens (links included). Every message is
/// multipart/alternative (text/plain, then text/html, both UTF-8 quoted-printable), inside multipart/mixed when it
/// has attachments (base64, bytes as given).
/// </summary>
internal sealed partial class AppMailer(IOptions<EmailOptions> options, DataPaths paths, ILogger<AppMailer> logger) : IAppMailer
{
    /// <summary>Headers the mailer writes itself; <see cref="AppMail.Headers"/> may not set them.</summary>
    private static readonly HashSet<string> OwnHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Message-ID", "From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Content-ID", "X-Sender", "X-Receiver",
    };

    public async Task SendAsync(AppMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        cancellationToken.ThrowIfCancellationRequested();
        var settings = options.Value;
        var messageId = mail.MessageId ?? AppMail.MessageIdFor(Guid.NewGuid().ToString("N"), settings.From);
        if (!AppMail.IsValidMessageId(messageId))
        {
            throw new ArgumentException($"A Message-ID is <left@right> in printable ASCII without spaces: '{messageId}'.", nameof(mail));
        }

        using var message = Build(mail, new MailAddress(settings.From), messageId);
        using var client = CreateClient(settings);
        await client.SendMailAsync(message, cancellationToken);
        LogSent(logger, settings.Transport, messageId, mail.Subject);
    }

    private static MailMessage Build(AppMail mail, MailAddress from, string messageId)
    {
        var message = new MailMessage
        {
            From = from,
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            Body = mail.PlainText,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
        };
        try
        {
            message.To.Add(new MailAddress(mail.To.Address, mail.To.DisplayName, Encoding.UTF8));
            message.Headers.Add("Message-ID", messageId);
            foreach (var (name, value) in mail.Headers)
            {
                CheckHeader(name, value);
                message.Headers.Add(name, value);
            }

            var html = AlternateView.CreateAlternateViewFromString(mail.Html, Encoding.UTF8, MediaTypeNames.Text.Html);
            html.TransferEncoding = TransferEncoding.QuotedPrintable;
            message.AlternateViews.Add(html);
            foreach (var file in mail.Attachments)
            {
                message.Attachments.Add(AttachmentOf(file));
            }

            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    private static Attachment AttachmentOf(AppMailAttachment file)
    {
        var bytes = MemoryMarshal.TryGetArray(file.Content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(file.Content.ToArray(), writable: false);
        var attachment = new Attachment(bytes, new ContentType(file.MediaType) { Name = file.FileName })
        {
            TransferEncoding = TransferEncoding.Base64,
            NameEncoding = Encoding.UTF8,
        };
        attachment.ContentDisposition!.DispositionType = DispositionTypeNames.Attachment;
        attachment.ContentDisposition.FileName = file.FileName;
        return attachment;
    }

    private static void CheckHeader(string name, string value)
    {
        if (string.IsNullOrEmpty(name) || name.Any(c => c is <= ' ' or > '~' or ':'))
        {
            throw new ArgumentException($"'{name}' is not a header field name.", nameof(name));
        }

        if (OwnHeaders.Contains(name))
        {
            throw new ArgumentException($"The mailer writes the {name} header itself; set it through AppMail.", nameof(name));
        }

        if (value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException($"The {name} header's value holds a line break.", nameof(value));
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent an e-mail through {Transport}: {MessageId} {Subject}")]
    private static partial void LogSent(ILogger logger, EmailTransport transport, string messageId, string subject);
}
