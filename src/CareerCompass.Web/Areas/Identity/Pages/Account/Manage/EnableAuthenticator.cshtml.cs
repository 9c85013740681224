using System.ComponentModel.DataAnnotations;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Sets up an authenticator app: a key is made only when the account has none (so opening the page twice shows the
/// same key), and every change that renews the security stamp refreshes this browser's sign-in — otherwise the
/// 30-second stamp check would sign the person out in the middle of setting it up.
/// </summary>
public sealed class EnableAuthenticator(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<EnableAuthenticator> logger) : PageModel
{
    public const string VerifiedMessage = "Your authenticator app has been verified. From now on we'll ask for a code from it when you sign in.";

    public const string WrongCodeMessage = "That code didn't work. Please check the time on your phone is right and try the newest code.";

    public string SharedKey { get; private set; } = string.Empty;

    public string QrSvg { get; private set; } = string.Empty;

    [TempData]
    public string[]? RecoveryCodes { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        var code = (Input.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!ModelState.IsValid || code.Length == 0
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Code)}", code.Length == 0 ? "Please enter the 6-digit code your app shows." : WrongCodeMessage);
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        logger.LogInformation("Two-factor sign-in was turned on with an authenticator app.");
        StatusMessage = VerifiedMessage;
        if (await users.CountRecoveryCodesAsync(user) == 0)
        {
            RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, GenerateRecoveryCodes.CodeCount) ?? []];
        }

        // Turning two-factor on renews the security stamp: refresh this sign-in so the stamp check keeps it.
        await signIn.RefreshSignInAsync(user);
        return RecoveryCodes is { Length: > 0 } ? RedirectToPage("./ShowRecoveryCodes") : RedirectToPage("./TwoFactorAuthentication");
    }

    private async Task LoadKeyAsync(AppUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        SharedKey = AuthenticatorKey.Grouped(key);
        QrSvg = AuthenticatorKey.QrSvg(AuthenticatorKey.Uri((await users.GetEmailAsync(user))!, key));
    }

    public sealed class InputModel
    {
        [StringLength(16, ErrorMessage = "The code is 6 digits. Please check it and try again.")]
        [Display(Name = "The 6-digit code from your app")]
        public string? Code { get; set; }
    }
}
