namespace CareerCompass.Web.Pages;

/// <summary>
/// The TempData key for "Saved." style messages shown after a redirect. Not Identity's "StatusMessage", which its
/// confirm-e-mail page leaves behind unread and would otherwise pop up on the next page of ours.
/// </summary>
public static class StatusMessages
{
    public const string Key = "CareerCompass.Status";
}
