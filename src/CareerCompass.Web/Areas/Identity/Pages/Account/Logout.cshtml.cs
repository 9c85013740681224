using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>Signing out: then to the return address when it is on this site, home when it is anywhere else.</summary>
[AllowAnonymous]
public sealed class Logout(SignInManager<AppUser> signIn, ILogger<Logout> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        await signIn.SignOutAsync();
        logger.LogInformation("Signed out.");

        // Without a return address, a redirect to this page: the browser's next request no longer carries the session.
        return returnUrl is null ? RedirectToPage() : LocalRedirect(Url.LocalOrHome(returnUrl));
    }
}
