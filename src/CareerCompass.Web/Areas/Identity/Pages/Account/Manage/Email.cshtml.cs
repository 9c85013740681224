using System.ComponentModel.DataAnnotations;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Changing the e-mail address asks for the current password (checked like a sign-in, so it counts towards the
/// pause) — a session someone copied can't move the account to their own mailbox — and tells the current address.
/// A link goes to the new address (from <see cref="AccountMail"/>, so built from the
/// configured public address) and nothing changes until it is opened. An address our mail sender can't use is
/// refused at the field. Both forms send mail, so they are throttled like the other account forms.
/// </summary>
public sealed class Email(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountMail mail, AccountThrottle throttle, ILogger<Email> logger) : PageModel
{
    public const string LinkSentMessage =
        "We've sent a link to your new address. Please check your inbox and open it to finish the change; until then you sign in with your current address.";

    public const string UnchangedMessage = "That's already your e-mail address, so nothing has changed.";

    public const string WrongPasswordMessage = "That isn't your current password. Please try again.";

    public const string VerificationSentMessage = "We've sent a new confirmation link. Please check your inbox; it can take a few minutes.";

    public string CurrentEmail { get; private set; } = string.Empty;

    public bool IsEmailConfirmed { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        await LoadAsync(user);
        Input.NewEmail = CurrentEmail;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeEmailAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        await LoadAsync(user);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var newEmail = Input.NewEmail.Trim();
        if (string.Equals(newEmail, CurrentEmail, StringComparison.OrdinalIgnoreCase))
        {
            StatusMessage = UnchangedMessage;
            return RedirectToPage();
        }

        if (throttle.AccountForm(HttpContext) is { } wait)
        {
            return this.TooManyAttemptsPage(wait);
        }

        var check = await signIn.CheckPasswordSignInAsync(user, Input.Password, lockoutOnFailure: true);
        if (!check.Succeeded)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Password)}", check.IsLockedOut
                ? "For your safety, changes that need your password are paused for a few minutes after several wrong tries."
                : WrongPasswordMessage);
            return Page();
        }

        await mail.SendChangeEmailAsync(user, newEmail);
        await mail.SendChangeEmailNoticeAsync(user, newEmail);
        logger.LogInformation("A link to change the e-mail address was sent.");
        StatusMessage = LinkSentMessage;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSendVerificationEmailAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        if (await users.IsEmailConfirmedAsync(user))
        {
            StatusMessage = "Your e-mail address is already confirmed.";
            return RedirectToPage();
        }

        if (throttle.AccountForm(HttpContext) is { } wait)
        {
            await LoadAsync(user);
            return this.TooManyAttemptsPage(wait);
        }

        await mail.SendConfirmationAsync(user);
        StatusMessage = VerificationSentMessage;
        return RedirectToPage();
    }

    private async Task LoadAsync(AppUser user)
    {
        CurrentEmail = await users.GetEmailAsync(user) ?? string.Empty;
        IsEmailConfirmed = await users.IsEmailConfirmedAsync(user);
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your new e-mail address.")]
        [EmailAddress(ErrorMessage = "That doesn't look like an e-mail address. Please check it (for example name@example.org).")]
        [UsableEmailAddress]
        [StringLength(PasswordRules.EmailMaximumLength, ErrorMessage = "Please use an e-mail address under 256 characters.")]
        [Display(Name = "New e-mail")]
        public string NewEmail { get; set; } = string.Empty;

        [Required(ErrorMessage = "Please enter your current password, so we know it's you.")]
        [StringLength(PasswordRules.MaximumLength, ErrorMessage = PasswordRules.TooLong)]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string Password { get; set; } = string.Empty;
    }
}
