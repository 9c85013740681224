using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareerCompass.Web.Infrastructure.Accounts;

/// <summary>
/// Identity checks a new password only when it saves it, so a form with another problem (a mistyped e-mail, passwords
/// that don't match) would hide a too-short password until the next try. Forms that set a password run the same
/// validators beforehand, so every problem is listed at once.
/// </summary>
public static class NewPasswordCheck
{
    /// <summary>
    /// Adds what Identity's password validators say about <paramref name="password"/> to <paramref name="field"/>,
    /// unless the field is empty or already has an error (required, too long). Nothing secret is checked here.
    /// </summary>
    public static async Task CheckNewPasswordAsync(this UserManager<AppUser> users, ModelStateDictionary modelState, string field, string? password, AppUser candidate)
    {
        if (string.IsNullOrEmpty(password) || modelState.GetFieldValidationState(field) == ModelValidationState.Invalid)
        {
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, password);
            foreach (var error in result.Errors)
            {
                modelState.AddModelError(field, error.Description);
            }
        }
    }
}
