using System.ComponentModel.DataAnnotations;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// Deletes the account and, by cascade, everything in it, once the password is confirmed. A missing or wrong
/// password is pointed out at the field and nothing is deleted.
/// </summary>
public sealed class DeletePersonalData(UserManager<AppUser> users, SignInManager<AppUser> signIn, ILogger<DeletePersonalData> logger) : PageModel
{
    public const string PasswordMissingMessage = "Please enter your password to confirm it's you.";

    public const string WrongPasswordMessage = "That password isn't right. Please try again.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool RequirePassword { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        RequirePassword = await users.HasPasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return NotFound();
        }

        RequirePassword = await users.HasPasswordAsync(user);
        var passwordField = $"{nameof(Input)}.{nameof(Input.Password)}";
        if (RequirePassword)
        {
            if (string.IsNullOrEmpty(Input.Password))
            {
                ModelState.AddModelError(passwordField, PasswordMissingMessage);
            }

            if (!ModelState.IsValid)
            {
                return Page();
            }

            if (!await users.CheckPasswordAsync(user, Input.Password!))
            {
                ModelState.AddModelError(passwordField, WrongPasswordMessage);
                return Page();
            }
        }

        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, "We couldn't delete your account just now. Nothing has been removed; please try again in a moment.");
            return Page();
        }

        await signIn.SignOutAsync();
        logger.LogInformation("An account was deleted by its owner.");
        return RedirectToPage("/Account/Deleted");
    }

    public sealed class InputModel
    {
        [StringLength(PasswordRules.MaximumLength, ErrorMessage = PasswordRules.TooLong)]
        [DataType(DataType.Password)]
        [Display(Name = "Your password")]
        public string? Password { get; set; }
    }
}
