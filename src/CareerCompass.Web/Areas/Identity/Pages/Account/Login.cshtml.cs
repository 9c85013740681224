using System.ComponentModel.DataAnnotations;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Sign-in counts failures (5 in a row pause the account for 5 minutes), and says the same thing for an unknown
/// e-mail, a wrong password and an unconfirmed account, so the form can't be used to find out who has one.
/// </summary>
[AllowAnonymous]
public sealed class Login(SignInManager<AppUser> signIn, ILogger<Login> logger) : PageModel
{
    public const string FailedMessage =
        "We couldn't sign you in with that e-mail and password. Please check both and try again. If you've just registered, confirm your e-mail first.";

    public const string LockedOutMessage =
        "For your safety, signing in is paused for a few minutes after several unsuccessful attempts. Please try again in 5 minutes, or reset your password.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task OnGetAsync(string? returnUrl = null)
    {
        if (!string.IsNullOrEmpty(ErrorMessage))
        {
            ModelState.AddModelError(string.Empty, ErrorMessage);
        }

        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        ReturnUrl = returnUrl ?? Url.Content("~/");
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl ??= Url.Content("~/");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "~/");
        }

        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl = returnUrl, Input.RememberMe });
        }

        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: the account is locked out.");
            ModelState.AddModelError(string.Empty, LockedOutMessage);
            return Page();
        }

        ModelState.AddModelError(string.Empty, FailedMessage);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your e-mail address.")]
        [StringLength(PasswordRules.EmailMaximumLength, ErrorMessage = "Please use an e-mail address under 256 characters.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Please enter your password.")]
        [StringLength(PasswordRules.MaximumLength, ErrorMessage = PasswordRules.TooLong)]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }
}
