using CareerCompass.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>Sends the confirmation link again: the same answer, in the same time, whatever the address.</summary>
[AllowAnonymous]
public sealed class ResendEmailConfirmation(AccountMailOutbox mail, AccountThrottle throttle) : PageModel
{
    public const string SentMessage =
        "Thanks. If that address has an account waiting to be confirmed, a new link is on its way. It can take a few minutes.";

    [BindProperty]
    public EmailInput Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (throttle.AccountForm(HttpContext) is { } wait)
        {
            return this.TooManyAttemptsPage(wait);
        }

        var email = Input.Email.Trim();
        mail.Enqueue(m => m.ResendConfirmationAsync(email));
        StatusMessage = SentMessage;
        return RedirectToPage();
    }
}
