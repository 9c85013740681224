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

    public sealed class InputModel : EmailAndNewPasswordInput
    {
    }
}
