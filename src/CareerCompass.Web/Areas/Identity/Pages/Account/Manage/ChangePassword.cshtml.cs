using System.ComponentModel.DataAnnotations;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Accounts;
using CareerCompass.Web.Infrastructure.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Changing the password keeps this browser signed in and ends every other session at once.</summary>
public sealed class ChangePassword(UserManager<AppUser> users, SignInManager<AppUser> signIn, UserSessions sessions, ILogger<ChangePassword> logger) : PageModel
{
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

        return await users.HasPasswordAsync(user) ? Page() : RedirectToPage("./SetPassword");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        // Every problem at once: the new password's length too, not only once the rest is right.
        await users.CheckNewPasswordAsync(ModelState, $"{nameof(Input)}.{nameof(Input.NewPassword)}", Input.NewPassword, user);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.OldPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                    ? $"{nameof(Input)}.{nameof(Input.OldPassword)}"
                    : $"{nameof(Input)}.{nameof(Input.NewPassword)}";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(user);
        await sessions.EndOthersAsync(user.Id);
        logger.LogInformation("A password was changed; other sessions were ended.");
        StatusMessage = "Your password has been changed, and any other devices have been signed out.";
        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your current password.")]
        [StringLength(PasswordRules.MaximumLength, ErrorMessage = PasswordRules.TooLong)]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string OldPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Please choose a new password.")]
        [StringLength(PasswordRules.MaximumLength, ErrorMessage = PasswordRules.TooLong)]
        [DataType(DataType.Password)]
        [Display(Name = "New password")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Please type your new password a second time, so we know it's the one you meant.")]
        [DataType(DataType.Password)]
        [Display(Name = "Type the new password again")]
        [Compare(nameof(NewPassword), ErrorMessage = "The two passwords don't match. Please type them again.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
