using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Your data: download all of it, or delete the account.</summary>
public sealed class PersonalData(UserManager<AppUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync() => await users.GetUserAsync(User) is null ? NotFound() : Page();
}
