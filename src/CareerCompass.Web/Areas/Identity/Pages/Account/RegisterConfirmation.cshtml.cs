using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>
/// "Check your e-mail" after registering. It answers the same for any query (the framework's page answered 404 for
/// an unknown address, which told strangers who has an account); the address is shown only to the person who just
/// registered it, from this browser's TempData.
/// </summary>
[AllowAnonymous]
public sealed class RegisterConfirmation : PageModel
{
    public const string EmailKey = "RegisteredEmail";

    public string? Email { get; private set; }

    public void OnGet() => Email = TempData[EmailKey] as string;
}
