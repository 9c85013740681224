using System.ComponentModel.DataAnnotations;
using System.Net.Mail;

namespace CareerCompass.Web.Areas.Identity.Pages;

/// <summary>
/// An address our mail sender can actually send to. <see cref="EmailAddressAttribute"/> only checks for one '@'
/// with something either side, so <c>"x@example.org</c> or <c>a@b..c</c> pass it and then fail in
/// <see cref="MailAddress"/> when the mail is sent. This refuses them at the form: the address (trimmed, as the
/// pages trim it) must parse as a <see cref="MailAddress"/> that is exactly the address — no display name such as
/// <c>Ann &lt;ann@example.org&gt;</c> — and contain no white space. Empty values are left to <c>[Required]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
public sealed class UsableEmailAddressAttribute : ValidationAttribute
{
    public const string Message = "We can't send mail to that address. Please check it for typos (for example name@example.org).";

    public UsableEmailAddressAttribute()
        : base(Message)
    {
    }

    public static bool IsUsable(string? email)
    {
        var candidate = email?.Trim();
        return !string.IsNullOrEmpty(candidate)
            && !candidate.Any(char.IsWhiteSpace)
            && MailAddress.TryCreate(candidate, out var address)
            && string.IsNullOrEmpty(address.DisplayName)
            && string.Equals(address.Address, candidate, StringComparison.Ordinal);
    }

    /// <remarks>An address that isn't one at all is left to <c>[EmailAddress]</c>, so a form says one thing per problem.</remarks>
    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text) || !new EmailAddressAttribute().IsValid(text) || IsUsable(text);
}
