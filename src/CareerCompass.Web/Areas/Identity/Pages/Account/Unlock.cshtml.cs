using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>The link in the "we paused sign-in" e-mail: it ends the pause, so strangers' guesses can't keep the owner out.</summary>
[AllowAnonymous]
public sealed class Unlock(UserManager<AppUser> users, AccountThrottle throttle) : PageModel
{
    public bool Unlocked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? code)
    {
        var token = AccountMail.Decode(code);
        var user = userId is null || token is null ? null : await users.FindByIdAsync(userId);
        if (user is not null && await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, AccountMail.UnlockPurpose, token!))
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            throttle.Failures.Forget(user.NormalizedEmail ?? string.Empty);
            Unlocked = true;
        }

        return Page();
    }
}
