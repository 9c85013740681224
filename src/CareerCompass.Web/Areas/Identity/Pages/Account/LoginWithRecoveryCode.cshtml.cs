using System.ComponentModel.DataAnnotations;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The second step of signing in with one of the recovery codes instead of the authenticator app. Like
/// <see cref="LoginWith2fa"/>: back to sign in when no password step is waiting, home for a foreign return address.
/// </summary>
[AllowAnonymous]
public sealed class LoginWithRecoveryCode(SignInManager<AppUser> signIn, ILogger<LoginWithRecoveryCode> logger) : PageModel
{
    public const string WrongCodeMessage =
        "That recovery code didn't work. Each code works only once; please check it, or try another from your list.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl = null)
    {
        ReturnUrl = Url.LocalOrHome(returnUrl);
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? this.BackToSignIn(ReturnUrl) : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = Url.LocalOrHome(returnUrl);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return this.BackToSignIn(ReturnUrl);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in with a recovery code.");
            return LocalRedirect(ReturnUrl);
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in paused after repeated wrong recovery codes.");
            return RedirectToPage("./Lockout");
        }

        logger.LogWarning("A wrong recovery code was entered.");
        ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.RecoveryCode)}", WrongCodeMessage);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter one of your recovery codes.")]
        [StringLength(64, ErrorMessage = "That's longer than a recovery code. Please check it and try again.")]
        [DataType(DataType.Text)]
        [Display(Name = "Recovery code")]
        public string RecoveryCode { get; set; } = string.Empty;
    }
}
