using System.ComponentModel.DataAnnotations;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Accounts;
using CareerCompass.Web.Infrastructure.Sessions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class ResetPassword(UserManager<AppUser> users, UserSessions sessions, AccountThrottle throttle) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet(string? code = null)
    {
        if (AccountMail.Decode(code) is not { } token)
        {
            return RedirectToPage("./ForgotPassword");
        }

        Input = new InputModel { Code = token };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Every problem with what was typed at once: the password's length too, not only after the rest is right.
        await users.CheckNewPasswordAsync(ModelState, $"{nameof(Input)}.{nameof(Input.Password)}", Input.Password, new AppUser { UserName = Input.Email, Email = Input.Email });
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (throttle.AccountForm(HttpContext) is { } wait)
        {
            return this.TooManyAttemptsPage(wait);
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // An address without an account gets what an account gets for a link that isn't its own.
            ModelState.AddModelError(string.Empty, users.ErrorDescriber.InvalidToken().Description);
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Input.Code, Input.Password);
        if (result.Succeeded)
        {
            // Proving control of the mailbox ends a pause that strangers' guesses may have caused.
            await throttle.EndPauseAsync(users, user);

            // Whoever may have known the old password is signed out everywhere.
            await sessions.EndAllAsync(user.Id);
            return RedirectToPage("./ResetPasswordConfirmation");
        }

        foreach (var error in result.Errors)
        {
            var field = error.Code.Contains("Password", StringComparison.Ordinal) ? $"{nameof(Input)}.{nameof(Input.Password)}" : string.Empty;
            ModelState.AddModelError(field, error.Description);
        }

        return Page();
    }

    public sealed class InputModel : EmailAndNewPasswordInput
    {
        [Required(ErrorMessage = "This page needs the link from your e-mail. Please open the link again, or ask for a new one.")]
        public string Code { get; set; } = string.Empty;
    }
}
