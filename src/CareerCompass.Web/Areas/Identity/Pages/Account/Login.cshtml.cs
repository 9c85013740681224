using System.ComponentModel.DataAnnotations;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Sign-in says one thing for every failure — unknown e-mail, wrong password, unconfirmed or paused account — and
/// takes as long for each, so the form can't be used to find out who has an account. Five wrong passwords in a row
/// pause the account for 5 minutes and e-mail its owner a link that ends the pause; attempts are throttled per
/// client address, and wrong passwords per account, before any of that. A browser the owner has signed in on
/// before is trusted (<see cref="TrustedDevices"/>): strangers' guesses don't hold it up.
/// </summary>
[AllowAnonymous]
public sealed class Login(
    SignInManager<AppUser> signIn,
    AccountThrottle throttle,
    SignInTiming timing,
    AccountMailOutbox mail,
    TrustedDevices devices,
    ILogger<Login> logger) : PageModel
{
    public const string FailedMessage =
        "We couldn't sign you in with that e-mail and password. Please check both and try again. " +
        "If you've just registered, confirm your e-mail first. After several tries we pause sign-in for 5 minutes " +
        "and e-mail you a link to continue straight away.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    [TempData]
    public string? ErrorMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(string? returnUrl = null)
    {
        if (!string.IsNullOrEmpty(ErrorMessage))
        {
            ModelState.AddModelError(string.Empty, ErrorMessage);
        }

        // Whoever was signed in on this browser is signed out on the server before someone else signs in here,
        // so a session key someone copied earlier can never end up carrying the next person's sign-in.
        // (Then the form is drawn afresh for nobody in particular: its antiforgery token is tied to who is signed in.)
        if (User.Identity?.IsAuthenticated == true)
        {
            await signIn.SignOutAsync();
            return RedirectToPage(new { returnUrl });
        }

        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        ReturnUrl = Url.LocalOrHome(returnUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = Url.LocalOrHome(returnUrl);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var users = signIn.UserManager;
        var account = users.NormalizeEmail(email) ?? email.ToUpperInvariant();
        var trusted = devices.IsTrusted(Request, account);
        if (throttle.SignIn(HttpContext, account, trusted) is { } wait)
        {
            return this.TooManyAttemptsPage(wait);
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            timing.SpendAsMuchAsAPasswordCheck(Input.Password);
            return Failed(account);
        }

        var wasPaused = await users.IsLockedOutAsync(user);
        if (wasPaused && trusted && await users.CheckPasswordAsync(user, Input.Password))
        {
            // The pause is against strangers' guesses; the owner's own browser with the right password ends it.
            await throttle.EndPauseAsync(users, user);
            wasPaused = false;
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            throttle.Failures.Forget(account);
            if (result.Succeeded)
            {
                devices.Trust(HttpContext, account);
                return LocalRedirect(ReturnUrl);
            }

            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        }

        if (result.IsLockedOut && !wasPaused)
        {
            // This attempt started the pause (its password was checked): tell the owner.
            logger.LogWarning("Sign-in paused after repeated failures.");
            var userId = user.Id;
            mail.Enqueue(m => m.SendLockedOutAsync(userId));
        }
        else if (result.IsLockedOut || result.IsNotAllowed)
        {
            // Refused before the password was checked: spend the same time, so the answer says nothing.
            timing.SpendAsMuchAsAPasswordCheck(Input.Password);
        }

        return Failed(account);
    }

    private PageResult Failed(string account)
    {
        throttle.Failures.Record(account);
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
