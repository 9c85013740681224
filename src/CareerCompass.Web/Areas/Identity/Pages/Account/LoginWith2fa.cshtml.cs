using System.ComponentModel.DataAnnotations;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>
/// The second step of signing in for someone with an authenticator app. Without a password step waiting for a code
/// it sends them back to sign in; a return address on another site is treated as home.
/// </summary>
[AllowAnonymous]
public sealed class LoginWith2fa(SignInManager<AppUser> signIn, ILogger<LoginWith2fa> logger) : PageModel
{
    public const string WrongCodeMessage =
        "That code didn't work. Codes change every 30 seconds, so please enter the one your app shows now.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool RememberMe { get; set; }

    public string ReturnUrl { get; set; } = "/";

    public async Task<IActionResult> OnGetAsync(bool rememberMe, string? returnUrl = null)
    {
        ReturnUrl = Url.LocalOrHome(returnUrl);
        RememberMe = rememberMe;
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? this.BackToSignIn(ReturnUrl) : Page();
    }

    public async Task<IActionResult> OnPostAsync(bool rememberMe, string? returnUrl = null)
    {
        ReturnUrl = Url.LocalOrHome(returnUrl);
        RememberMe = rememberMe;
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return this.BackToSignIn(ReturnUrl);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Input.TwoFactorCode.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, rememberMe, Input.RememberMachine);
        if (result.Succeeded)
        {
            logger.LogInformation("Signed in with an authenticator code.");
            return LocalRedirect(ReturnUrl);
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in paused after repeated wrong authenticator codes.");
            return RedirectToPage("./Lockout");
        }

        logger.LogWarning("A wrong authenticator code was entered.");
        ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.TwoFactorCode)}", WrongCodeMessage);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter the 6-digit code from your authenticator app.")]
        [StringLength(7, MinimumLength = 6, ErrorMessage = "The code is 6 digits long. Please check it and try again.")]
        [DataType(DataType.Text)]
        [Display(Name = "Authenticator code")]
        public string TwoFactorCode { get; set; } = string.Empty;

        [Display(Name = "Don't ask for a code on this device again")]
        public bool RememberMachine { get; set; }
    }
}
