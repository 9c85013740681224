using System.ComponentModel.DataAnnotations;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class Register(UserManager<AppUser> users, IEmailSender emailSender, ILogger<Register> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl ??= Url.Content("~/");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var email = Input.Email.Trim();
        var user = new AppUser { UserName = email, Email = email };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            // Identity reports a taken e-mail twice (as user name and as e-mail); say it once.
            foreach (var error in result.Errors.DistinctBy(e => e.Description))
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? $"{nameof(Input)}.{nameof(Input.Password)}" : $"{nameof(Input)}.{nameof(Input.Email)}";
                ModelState.AddModelError(field, error.Description);
            }

            return Page();
        }

        await users.AddToRoleAsync(user, AppRoles.Client);
        logger.LogInformation("A new account was created.");
        await AccountEmails.SendConfirmationAsync(users, emailSender, Url, Request.Scheme, user, returnUrl);
        return RedirectToPage("RegisterConfirmation", new { email, returnUrl });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Please enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "That doesn't look like an e-mail address. Please check it (for example name@example.org).")]
        [StringLength(PasswordRules.EmailMaximumLength, ErrorMessage = "Please use an e-mail address under 256 characters.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Please choose a password.")]
        [StringLength(PasswordRules.MaximumLength, ErrorMessage = PasswordRules.TooLong)]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = string.Empty;

        [DataType(DataType.Password)]
        [Display(Name = "Type the password again")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords don't match. Please type them again.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
