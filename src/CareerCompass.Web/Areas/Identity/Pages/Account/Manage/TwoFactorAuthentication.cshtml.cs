using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Whether two-factor sign-in is on, how many recovery codes are left, and the way to each change.</summary>
public sealed class TwoFactorAuthentication(UserManager<AppUser> users) : PageModel
{
    public bool IsOn { get; private set; }

    public bool HasAuthenticator { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        IsOn = await users.GetTwoFactorEnabledAsync(user);
        HasAuthenticator = !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user));
        RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
        return Page();
    }
}
