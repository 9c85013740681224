using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Replaces the ten recovery codes (the old ones stop working) and shows the new ones once. Recovery codes belong to
/// two-factor sign-in: when it is off, this says so on the two-factor page instead of failing.
/// </summary>
public sealed class GenerateRecoveryCodes(UserManager<AppUser> users, ILogger<GenerateRecoveryCodes> logger) : PageModel
{
    public const int CodeCount = 10;

    /// <summary>Read once by ShowRecoveryCodes.</summary>
    [TempData]
    public string[]? RecoveryCodes { get; set; }

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

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, CodeCount);
        if (codes is null)
        {
            ModelState.AddModelError(string.Empty, "We couldn't make new recovery codes just now. Please try again in a moment.");
            return Page();
        }

        RecoveryCodes = [.. codes];
        logger.LogInformation("New recovery codes were made.");
        StatusMessage = "Here are your new recovery codes. The old ones no longer work.";
        return RedirectToPage("./ShowRecoveryCodes");
    }

    private RedirectToPageResult AlreadyOff()
    {
        StatusMessage = TwoFactorMessages.AlreadyOff;
        return RedirectToPage("./TwoFactorAuthentication");
    }
}
