using System.Globalization;
using System.Net.Mail;

namespace CareerCompass.Web.Infrastructure.Email;

/// <summary>
/// One e-mail the application sends: a plain-text body with an HTML alternative, a <c>Message-ID</c>, extra
/// headers (such as <c>List-Unsubscribe</c>) and attachments. <see cref="IAppMailer"/> sends it.
/// </summary>
/// <param name="To">The one recipient.</param>
/// <param name="Subject">Any Unicode text; the mailer encodes it for the header.</param>
/// <param name="PlainText">The text/plain part.</param>
/// <param name="Html">The text/html alternative.</param>
public sealed record AppMail(AppMailAddress To, string Subject, string PlainText, string Html)
{
    private const int MaxKeyLength = 200;

    /// <summary>
    /// The <c>Message-ID</c> header exactly as sent, angle brackets included (<c>&lt;reminder-123@careercompass.local&gt;</c>);
    /// <see cref="MessageIdFor"/> makes one from a stable key. When null the mailer makes one from a new Guid and the
    /// domain of <see cref="EmailOptions.From"/>.
    /// </summary>
    public string? MessageId { get; init; }

    /// <summary>
    /// Extra header fields, such as <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>. Not the ones the mailer
    /// writes itself (From, To, Subject, Message-ID, Date, MIME and content headers): it refuses those.
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<AppMailAttachment> Attachments { get; init; } = [];

    /// <summary>
    /// A stable <c>Message-ID</c>, <c>&lt;key@domain&gt;</c>, where domain is the host of <paramref name="fromAddress"/>
    /// (a bare address or <c>Name &lt;address&gt;</c>, such as <see cref="EmailOptions.From"/>). The key is what
    /// makes it unique and stable (<c>reminder-123</c>): 1–200 ASCII letters, digits, '.', '-', '_' or '+', not
    /// starting or ending with '.' nor holding "..".
    /// </summary>
    public static string MessageIdFor(string key, string fromAddress)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromAddress);
        if (!IsSafeKey(key))
        {
            throw new ArgumentException(
                $"A Message-ID key is 1–{MaxKeyLength} ASCII letters, digits, '.', '-', '_' or '+', with no leading, trailing or double '.': '{key}'.",
                nameof(key));
        }

        return $"<{key}@{DomainOf(fromAddress)}>";
    }

    /// <summary>The host of an address as it goes into a header: IDN hosts in their ASCII (punycode) form.</summary>
    internal static string DomainOf(string fromAddress)
    {
        var host = new MailAddress(fromAddress).Host;
        return host.All(char.IsAscii) ? host : new IdnMapping().GetAscii(host);
    }

    /// <summary>True for <c>&lt;left@right&gt;</c> in printable ASCII with no spaces, brackets or a second '@'.</summary>
    internal static bool IsValidMessageId(string value)
    {
        if (value.Length < 5 || value.Length > 250 || value[0] != '<' || value[^1] != '>')
        {
            return false;
        }

        var inner = value.AsSpan(1, value.Length - 2);
        var at = inner.IndexOf('@');
        if (at <= 0 || at == inner.Length - 1 || inner[(at + 1)..].Contains('@'))
        {
            return false;
        }

        foreach (var c in inner)
        {
            if (c is <= ' ' or > '~' or '<' or '>' or '"' or '\\' or '(' or ')' or ',' or ';' or ':')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSafeKey(string key)
    {
        if (key.Length is 0 or > MaxKeyLength || key[0] == '.' || key[^1] == '.' || key.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        return key.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+');
    }
}

/// <summary>An address with an optional display name (any Unicode; the mailer encodes it).</summary>
public sealed record AppMailAddress(string Address, string? DisplayName = null);

/// <summary>
/// A file sent with the message, its bytes exactly as given (base64 on the wire).
/// </summary>
/// <param name="FileName">The name a mail program shows and saves it as (<c>review.ics</c>).</param>
/// <param name="MediaType">The full Content-Type, parameters included: <c>text/calendar; method=PUBLISH; charset=utf-8</c>.</param>
/// <param name="Content">The bytes.</param>
public sealed record AppMailAttachment(string FileName, string MediaType, ReadOnlyMemory<byte> Content);
