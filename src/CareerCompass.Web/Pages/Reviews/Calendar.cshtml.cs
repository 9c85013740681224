using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Calendar;
using CareerCompass.Web.Infrastructure.Reviews;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reviews;

/// <summary>
/// <c>/Reviews/Calendar</c>: the signed-in person's own calendar — how to subscribe, their private address, a
/// download, and "make a new private address" (<c>?handler=Renew</c>), after which the old one answers 404. No route
/// names another person's schedule: every handler works on the signed-in person's.
/// </summary>
public sealed class CalendarPage(AppDbContext db, ReviewPlanning planning, PersonClock clock, CalendarFeed feed, Subject subject) : PageModel
{
    public const string RenewedMessage =
        "Done: you have a new private address, below. The old one has stopped working — calendar apps that used it " +
        "will no longer update, so subscribe again with the new address wherever you want your dates.";

    public const string NotRenewed = "That didn't go through — something changed at the same moment. Please try again.";

    /// <summary>The private subscription address, on the configured public address.</summary>
    public string SubscriptionAddress { get; private set; } = string.Empty;

    /// <summary>The same address for calendar apps that open <c>webcal:</c> links.</summary>
    public string WebcalAddress { get; private set; } = string.Empty;

    public DateOnly NextReviewOn { get; private set; }

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var schedule = await planning.ScheduleForAsync(subject.OwnerId, clock.Zone, HttpContext.RequestAborted);
        SubscriptionAddress = feed.SubscriptionAddress(schedule.CalendarToken);
        WebcalAddress = Webcal(new Uri(SubscriptionAddress));
        NextReviewOn = schedule.NextReviewOn;
        return Page();
    }

    /// <summary>The same address as <c>webcal://</c>, keeping a port only when it isn't the scheme's usual one.</summary>
    public static string Webcal(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return new UriBuilder(address) { Scheme = "webcal", Port = address.IsDefaultPort ? -1 : address.Port }.Uri.AbsoluteUri;
    }

    public async Task<IActionResult> OnPostRenewAsync()
    {
        var schedule = await planning.ScheduleForAsync(subject.OwnerId, clock.Zone, HttpContext.RequestAborted);
        schedule.RenewCalendarToken();
        try
        {
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            StatusMessage = RenewedMessage;
        }
        catch (DbUpdateConcurrencyException)
        {
            StatusMessage = NotRenewed;
        }

        return RedirectToPage();
    }
}
