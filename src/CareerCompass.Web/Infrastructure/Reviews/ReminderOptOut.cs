using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace CareerCompass.Web.Infrastructure.Reviews;

/// <summary>The two kinds of reminder e-mail a person can turn off separately.</summary>
public enum ReminderList
{
    Reviews,
    Digest,

    /// <summary>E-mails about new comments (not a reminder, but turned off the same way).</summary>
    Comments,
}

/// <summary>
/// The secret in each reminder e-mail's "turn these off" link (and its List-Unsubscribe header): the person and the
/// kind of e-mail, protected by the app's data-protection keys so it can't be forged or changed to someone else's.
/// It works without signing in — that is the point of it — and only ever turns reminders off.
/// </summary>
public sealed class ReminderOptOut(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("CareerCompass.Reminders.OptOut.v1");

    public string TokenFor(string personId, ReminderList list) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes($"{(int)list}:{personId}")));

    public bool TryRead(string? token, out string personId, out ReminderList list)
    {
        personId = string.Empty;
        list = default;
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return false;
        }

        try
        {
            var text = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !int.TryParse(text.AsSpan(0, colon), out var kind) || !Enum.IsDefined((ReminderList)kind) || colon == text.Length - 1)
            {
                return false;
            }

            (personId, list) = (text[(colon + 1)..], (ReminderList)kind);
            return true;
        }
        catch (Exception failure) when (failure is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
