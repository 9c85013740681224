using Microsoft.AspNetCore.Identity;

namespace CareerCompass.Web.Infrastructure.Security;

/// <summary>Identity's messages, rewritten for a person rather than a developer.</summary>
internal sealed class PlainLanguageIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new()
    {
        Code = nameof(PasswordTooShort),
        Description = $"Please use at least {length} characters. A short sentence you'll remember works well.",
    };

    public override IdentityError DuplicateEmail(string email) => new()
    {
        Code = nameof(DuplicateEmail),
        Description = "There is already an account with this e-mail. Try signing in, or reset your password if you've forgotten it.",
    };

    public override IdentityError DuplicateUserName(string userName) => DuplicateEmail(userName);

    public override IdentityError InvalidEmail(string? email) => new()
    {
        Code = nameof(InvalidEmail),
        Description = "That doesn't look like an e-mail address. Please check it (for example name@example.org).",
    };

    public override IdentityError InvalidUserName(string? userName) => InvalidEmail(userName);

    public override IdentityError PasswordMismatch() => new()
    {
        Code = nameof(PasswordMismatch),
        Description = "That isn't your current password. Please try again.",
    };

    public override IdentityError InvalidToken() => new()
    {
        Code = nameof(InvalidToken),
        Description = "This link has expired or was already used. Please ask for a new one.",
    };
}
