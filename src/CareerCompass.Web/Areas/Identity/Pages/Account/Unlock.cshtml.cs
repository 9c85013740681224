using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The link in the "we paused sign-in" e-mail: it ends the pause, so strangers' guesses can't keep the owner out.
/// Opening the link only shows a button (mail scanners open links too); pressing it ends the pause.
/// </summary>
[AllowAnonymous]
public sealed class Unlock(UserManager<AppUser> users, AccountThrottle throttle) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool Unlocked { get; private set; }

    public bool LinkWorks { get; private set; }

    public async Task OnGetAsync() => LinkWorks = await FindAsync() is not null;

    public async Task<IActionResult> OnPostAsync()
    {
        if (await FindAsync() is { } user)
        {
            await throttle.EndPauseAsync(users, user);
            Unlocked = LinkWorks = true;
        }

        return Page();
    }

    private async Task<AppUser?> FindAsync()
    {
        var token = AccountMail.Decode(Code);
        var user = UserId is null || token is null ? null : await users.FindByIdAsync(UserId);
        return user is not null && await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, AccountMail.UnlockPurpose, token!) ? user : null;
    }
}
