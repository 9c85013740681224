using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>The link in the welcome e-mail. A cut, old or already-used link says so and offers a new one.</summary>
[AllowAnonymous]
public sealed class ConfirmEmail(UserManager<AppUser> users, ILogger<ConfirmEmail> logger) : PageModel
{
    public const string ConfirmedMessage = "Thank you for confirming your e-mail. Your account is ready: you can sign in now.";

    public bool Confirmed { get; private set; }

    public string? ReturnUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code, string? returnUrl = null)
    {
        ReturnUrl = returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
        var token = AccountMail.Decode(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is not null && token is not null)
        {
            Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
            if (Confirmed)
            {
                logger.LogInformation("An e-mail address was confirmed.");
            }
        }

        return Page();
    }
}
