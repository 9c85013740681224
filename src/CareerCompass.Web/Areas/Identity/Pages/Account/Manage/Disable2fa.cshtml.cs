using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Turns two-factor sign-in off; when it is already off, says so on the two-factor page instead of failing.</summary>
public sealed class Disable2fa(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<Disable2fa> logger) : PageModel
{
    public const string TurnedOffMessage =
        "Two-factor sign-in is now off. You can turn it on again at any time by setting up an authenticator app.";

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        return await users.GetTwoFactorEnabledAsync(user) ? Page() : AlreadyOff();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return AlreadyOff();
        }

        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, "We couldn't turn two-factor sign-in off just now. Please try again in a moment.");
            return Page();
        }

        // Turning two-factor off renews the security stamp: refresh this sign-in so the stamp check keeps it.
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Two-factor sign-in was turned off.");
        StatusMessage = TurnedOffMessage;
        return RedirectToPage("./TwoFactorAuthentication");
    }

    private RedirectToPageResult AlreadyOff()
    {
        StatusMessage = TwoFactorMessages.AlreadyOff;
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
