using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Makes a new authenticator key (the old app stops working) and turns two-factor off until the new one is checked.
/// Both renew the security stamp, so this browser's sign-in is refreshed.
/// </summary>
public sealed class ResetAuthenticator(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<ResetAuthenticator> logger) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync() => await users.GetUserAsync(User) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("The authenticator key was reset.");
        StatusMessage = "Your old authenticator key no longer works. Add the new one below to turn two-factor sign-in back on.";
        return RedirectToPage("./EnableAuthenticator");
    }
}
