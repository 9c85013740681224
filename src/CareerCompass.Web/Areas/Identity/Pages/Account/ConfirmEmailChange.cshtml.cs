using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The link sent to a new address: moves the account's e-mail (and the sign-in name with it). That renews the security
/// stamp, so this browser's sign-in is refreshed if it is this account's; other devices follow within 30 seconds. The
/// link may be opened where nobody is signed in, or someone else is: then no one is signed in or out by it.
/// </summary>
[AllowAnonymous]
public sealed class ConfirmEmailChange(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<ConfirmEmailChange> logger) : PageModel
{
    public bool Changed { get; private set; }

    public string? NewEmail { get; private set; }

    /// <summary>This browser is signed in to a different account from the one whose address just changed.</summary>
    public bool SignedInAsSomeoneElse { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? userId, string? email, string? code)
    {
        var token = AccountMail.Decode(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null || string.IsNullOrEmpty(email))
        {
            return Page();
        }

        if (!(await users.ChangeEmailAsync(user, email, token)).Succeeded)
        {
            return Page();
        }

        // The e-mail is also the sign-in name.
        if (!(await users.SetUserNameAsync(user, email)).Succeeded)
        {
            return Page();
        }

        Changed = true;
        NewEmail = email;
        if (signIn.IsSignedIn(User))
        {
            if (users.GetUserId(User) == user.Id)
            {
                await signIn.RefreshSignInAsync(user);
            }
            else
            {
                SignedInAsSomeoneElse = true;
            }
        }

        logger.LogInformation("An account's e-mail address was changed.");
        return Page();
    }
}
