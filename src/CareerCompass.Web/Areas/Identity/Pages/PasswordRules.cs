namespace CareerCompass.Web.Areas.Identity.Pages;

/// <summary>
/// Password length limits shared by every form that sets a password (OWASP ASVS 5, 6.2.x): at least 12
/// characters, no composition rules, and long passphrases welcome. The minimum itself is enforced by Identity's
/// options so there is one source of truth; the maximum only stops absurd input.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;
    public const int EmailMaximumLength = 256;

    public const string Hint = "At least 12 characters. A short sentence or a few unrelated words are easy to remember and hard to guess.";
    public const string TooLong = "Please keep your password under 256 characters.";
}
