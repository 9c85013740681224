using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>
/// What the code pages (authenticator and recovery code) do when no sign-in is waiting for a code — someone opened
/// the page directly, or took longer than the few minutes the password step is remembered: back to the sign-in
/// page with a short message, instead of the framework's exception.
/// </summary>
public static class TwoFactorSignIn
{
    public const string NotUnderWayMessage =
        "For your security, please sign in with your e-mail and password first. We'll ask for your code straight after.";

    public static RedirectToPageResult BackToSignIn(this PageModel page, string returnUrl)
    {
        // The sign-in page shows its [TempData] ErrorMessage above the form.
        page.TempData[nameof(Login.ErrorMessage)] = NotUnderWayMessage;
        return page.RedirectToPage("./Login", new { returnUrl });
    }
}
