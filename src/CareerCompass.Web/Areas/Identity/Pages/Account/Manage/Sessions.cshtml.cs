using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Sessions;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>Where you're signed in, and a way to end any of it: each session is a row on the server, so ending it is immediate.</summary>
public sealed class Sessions(UserSessions sessions, PersonClock clock) : PageModel
{
    /// <summary>Times are stored in UTC and shown on the person's own clock.</summary>
    public PersonClock Clock => clock;

    public IReadOnlyList<SessionSummary> List { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync() => List = await sessions.ListAsync(User.RequireUserId());

    public async Task<IActionResult> OnPostEndAsync(string? id)
    {
        var ended = !string.IsNullOrEmpty(id) && await sessions.EndAsync(User.RequireUserId(), id);
        StatusMessage = ended ? "That device has been signed out." : "That device was already signed out.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEndOthersAsync()
    {
        var ended = await sessions.EndOthersAsync(User.RequireUserId());
        StatusMessage = ended switch
        {
            0 => "You weren't signed in anywhere else.",
            1 => "Signed out of 1 other device.",
            _ => $"Signed out of {ended} other devices.",
        };
        return RedirectToPage();
    }
}
