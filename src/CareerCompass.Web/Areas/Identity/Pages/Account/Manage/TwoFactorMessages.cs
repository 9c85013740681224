namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Messages the two-factor pages leave for the two-factor overview page (its <c>StatusMessage</c>).</summary>
public static class TwoFactorMessages
{
    public const string AlreadyOff =
        "Two-factor sign-in is off for your account, so there's nothing to turn off or renew. " +
        "You can set up an authenticator app below whenever you like.";
}
