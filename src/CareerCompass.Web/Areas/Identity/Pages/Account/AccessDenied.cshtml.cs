using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>
/// Where a signed-in person lands on a page their account can't open (today only the counsellor's workspace): what
/// it is for and how to get access, in our words rather than the framework's.
/// </summary>
public sealed class AccessDenied : PageModel
{
    public bool CounsellorsOnly { get; private set; }

    public void OnGet(string? returnUrl) =>
        CounsellorsOnly = returnUrl?.StartsWith("/Counsellor", StringComparison.OrdinalIgnoreCase) == true;
}
