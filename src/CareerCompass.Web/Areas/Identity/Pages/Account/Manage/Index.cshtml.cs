using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>The account at a glance: how you sign in and where each thing is changed. We keep no phone number.</summary>
public sealed class Index(UserManager<AppUser> users) : PageModel
{
    public string Email { get; private set; } = string.Empty;

    public bool TwoFactorOn { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        Email = await users.GetEmailAsync(user) ?? string.Empty;
        TwoFactorOn = await users.GetTwoFactorEnabledAsync(user);
        return Page();
    }
}
