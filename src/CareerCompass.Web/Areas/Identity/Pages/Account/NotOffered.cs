using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account;

/// <summary>
/// For the Identity UI's pages we don't offer (sign-in through other sites, and setting a first password, which only
/// such accounts need): a plain 404 for every method, so the framework's page is never shown.
/// </summary>
public sealed class NotOffered : PageModel
{
    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost() => NotFound();
}
