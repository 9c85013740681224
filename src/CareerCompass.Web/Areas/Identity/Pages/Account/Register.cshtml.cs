using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Accounts;
using CareerCompass.Web.Infrastructure.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Registration says plainly when an e-mail already has an account (a documented choice: see docs/security.md),
/// so it is throttled per client address. The new account's time zone comes from the browser (a hidden field that
/// <c>wwwroot/js/time-zone.js</c> fills); one this server doesn't know, or none, means UTC — never an error.
/// </summary>
[AllowAnonymous]
public sealed class Register(UserManager<AppUser> users, AccountMail mail, AccountThrottle throttle, ReviewPlanning planning, ILogger<Register> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; set; }

    public void OnGet(string? returnUrl = null) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl = null)
    {
        ReturnUrl = returnUrl ??= Url.Content("~/");
        Input.TimeZone = PersonTimeZone.TryFind(Input.TimeZone, out var zone) ? zone.Id : null;
        await users.CheckNewPasswordAsync(ModelState, $"{nameof(Input)}.{nameof(Input.Password)}", Input.Password, new AppUser { UserName = Input.Email, Email = Input.Email });
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (throttle.AccountForm(HttpContext) is { } wait)
        {
            return this.TooManyAttemptsPage(wait);
        }

        var email = Input.Email.Trim();
        var user = new AppUser { UserName = email, Email = email, TimeZone = Input.TimeZone ?? PersonTimeZone.Default };
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
        await planning.ScheduleForAsync(user.Id, PersonTimeZone.FindOrUtc(user.TimeZone), HttpContext.RequestAborted);
        logger.LogInformation("A new account was created.");
        await mail.SendConfirmationAsync(user, Url.IsLocalUrl(returnUrl) ? returnUrl : null);
        TempData[RegisterConfirmation.EmailKey] = email;
        return RedirectToPage("RegisterConfirmation");
    }

    public sealed class InputModel : EmailAndNewPasswordInput
    {
        /// <summary>The browser's IANA zone, if it said; checked against the server's list, never refused.</summary>
        public string? TimeZone { get; set; }
    }
}
