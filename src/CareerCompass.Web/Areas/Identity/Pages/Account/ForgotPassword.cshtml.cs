using System.ComponentModel.DataAnnotations;
using CareerCompass.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Asks for a reset link. Every address gets the same answer in the same time: the look-up and the e-mail happen
/// after the page has answered (<see cref="AccountMailOutbox"/>).
/// </summary>
[AllowAnonymous]
public sealed class ForgotPassword(AccountMailOutbox mail, AccountThrottle throttle) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

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
        mail.Enqueue(m => m.SendPasswordResetAsync(email));
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
