using System.Globalization;
using CareerCompass.Domain.Common;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Pages.Settings;

/// <summary>
/// <c>/Settings</c>: the person's own settings, one section per setting, each with its own form and handler
/// (<c>?handler=TimeZone</c>), so a section added later (review cadence, reminders) stands beside the others.
/// </summary>
public sealed class Index(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, ReviewPlanning planning, TimeProvider clock) : PageModel
{
    public const string UnknownZone = "We don't know that time zone. Please choose one from the list.";
    public const string NotSaved = "That didn't save — something changed at the same moment. Please try again.";
    public const string StaleReviews = "Your review settings were changed somewhere else (perhaps in another tab) after you opened this page, so we didn't overwrite them. Below is what's saved now — please make your change again.";
    public const string UnknownCadence = "Please choose how often you'd like to review.";

    [BindProperty]
    public TimeZoneInput Zone { get; set; } = new();

    [BindProperty]
    public ReviewsInput Reviews { get; set; } = new();

    /// <summary>The schedule as saved (the next review date shown beside the form).</summary>
    public ReviewSchedule Schedule { get; private set; } = null!;

    /// <summary>The zone the person is on now (stored), whatever this form last sent.</summary>
    public TimeZoneInfo CurrentZone { get; private set; } = TimeZoneInfo.Utc;

    public IReadOnlyList<ZoneGroup> Zones { get; private set; } = [];

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostTimeZoneAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        if (!PersonTimeZone.TryFind(Zone.Id, out var zone))
        {
            ModelState.AddModelError($"{nameof(Zone)}.{nameof(Zone.Id)}", UnknownZone);
            await ShowAsync(user);
            return Page();
        }

        if (zone.Id != user.TimeZone)
        {
            // Reminders come at nine on the person's clock: move the ones still to come with the zone. (The rows are
            // saved by UpdateAsync below, in the same SaveChanges as the zone.)
            var schedule = await planning.ScheduleForAsync(user.Id, zone);
            await planning.ReplanAsync(schedule, zone);
            user.TimeZone = zone.Id;
            bool updated;
            try
            {
                updated = (await users.UpdateAsync(user)).Succeeded;
            }
            catch (DbUpdateException conflict) when (Conflicts.IsRetryable(conflict))
            {
                updated = false; // the same change from another tab, at the same moment
            }

            if (!updated)
            {
                db.ChangeTracker.Clear();
                ModelState.AddModelError($"{nameof(Zone)}.{nameof(Zone.Id)}", NotSaved);
                await ShowAsync((await users.GetUserAsync(User))!);
                return Page();
            }

            // The zone rides in the sign-in's claims: renew this one now (other devices follow within 30 seconds).
            await signIn.RefreshSignInAsync(user);
        }

        var now = PersonalDate.LocalTime(clock.GetUtcNow().UtcDateTime, zone);
        StatusMessage = $"Saved. Your time zone is {ZoneOption.NameOf(zone.Id)} — it's {now.ToString("HH:mm 'on' dddd d MMMM", CultureInfo.InvariantCulture)} there now.";
        return RedirectToPage();
    }

    /// <summary>Review cadence, reminder lead time, reminders and the weekly digest: one form, one save.</summary>
    public async Task<IActionResult> OnPostReviewsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var zone = PersonTimeZone.FindOrUtc(user.TimeZone);
        var schedule = await planning.ScheduleForAsync(user.Id, zone);
        const string prefix = nameof(Reviews);
        if (Reviews.Version != schedule.Version)
        {
            ModelState.AddModelError(string.Empty, StaleReviews);
            await ShowAsync(user, keepTyped: false);
            return Page();
        }

        // Our own words in place of the framework's ("The value 'x' is not valid"), keeping what was typed.
        if (Reviews.Cadence is not { } cadence || !Enum.IsDefined(cadence))
        {
            Replace($"{prefix}.{nameof(ReviewsInput.Cadence)}", UnknownCadence);
        }

        if (Reviews.LeadDays is null)
        {
            Replace($"{prefix}.{nameof(ReviewsInput.LeadDays)}", $"Please enter a number of days from 0 to {ReviewSchedule.MaxLeadDays}.");
        }

        if (!ModelState.IsValid)
        {
            await ShowAsync(user, keepTyped: true);
            return Page();
        }

        var today = PersonalDate.Today(clock.GetUtcNow(), zone);
        try
        {
            if (schedule.Cadence != Reviews.Cadence!.Value)
            {
                schedule.ChangeCadence(Reviews.Cadence.Value, today);
            }

            schedule.SetReminders(Reviews.RemindersOn, Reviews.LeadDays!.Value, Reviews.DigestOn);
            schedule.SetCommentMail(Reviews.CommentMailOn);
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError($"{prefix}.{rule.Field}", rule.Message);
            db.ChangeTracker.Clear();
            await ShowAsync(user, keepTyped: true);
            return Page();
        }

        await planning.ReplanAsync(schedule, zone);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException conflict) when (Conflicts.IsRetryable(conflict))
        {
            // Saved in another tab (or the same form twice) at the same moment: nothing of this one was written.
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, StaleReviews);
            await ShowAsync(user, keepTyped: false);
            return Page();
        }

        // The next review date rides in the sign-in (for the "review due" banner): renew this one now.
        await signIn.RefreshSignInAsync(user);
        var now = clock.GetUtcNow();
        var coming = schedule.PlannedReminders(zone).Where(r => r.SendAt > now).Select(r => r.Kind).ToList();
        var reminders = !schedule.RemindersOn ? "Reminders are off."
            : coming.Count == 2 ? $"We'll remind you {schedule.LeadDays} {(schedule.LeadDays == 1 ? "day" : "days")} before, and on the day."
            : coming.Contains(ReminderKind.ReviewToday) ? "We'll remind you on the day."
            : "It's due now — start it whenever you're ready.";
        StatusMessage = $"Saved. Your next review is on {ReviewDates.Spelled(schedule.NextReviewOn)}. {reminders}";
        return RedirectToPage(null, null, "reviews");
    }

    private void Replace(string key, string message)
    {
        var typed = ModelState[key]?.AttemptedValue;
        ModelState.Remove(key);
        ModelState.SetModelValue(key, typed, typed);
        ModelState.AddModelError(key, message);
    }

    private async Task ShowAsync(AppUser user, bool keepTyped = false)
    {
        CurrentZone = PersonTimeZone.FindOrUtc(user.TimeZone);
        Zone = new TimeZoneInput { Id = CurrentZone.Id };

        Zones = ZoneGroup.All(clock.GetUtcNow(), CurrentZone);
        Schedule = await planning.ScheduleForAsync(user.Id, CurrentZone);
        if (!keepTyped)
        {
            ModelState.Remove($"{nameof(Reviews)}.{nameof(ReviewsInput.Cadence)}");
            ModelState.Remove($"{nameof(Reviews)}.{nameof(ReviewsInput.LeadDays)}");
            ModelState.Remove($"{nameof(Reviews)}.{nameof(ReviewsInput.RemindersOn)}");
            ModelState.Remove($"{nameof(Reviews)}.{nameof(ReviewsInput.DigestOn)}");
            ModelState.Remove($"{nameof(Reviews)}.{nameof(ReviewsInput.CommentMailOn)}");
            Reviews = ReviewsInput.From(Schedule);
        }

        Reviews.Version = Schedule.Version;
    }

    /// <summary>Now, on the person's wall clock (shown under the field, so they can check it's right).</summary>
    public DateTime LocalNow => PersonalDate.LocalTime(clock.GetUtcNow().UtcDateTime, CurrentZone);

    public sealed class TimeZoneInput
    {
        public string? Id { get; set; }
    }

    public sealed class ReviewsInput
    {
        public ReviewCadence? Cadence { get; set; }

        public int? LeadDays { get; set; }

        public bool RemindersOn { get; set; }

        public bool DigestOn { get; set; }

        public bool CommentMailOn { get; set; }

        public Guid Version { get; set; }

        public static ReviewsInput From(ReviewSchedule schedule) => new()
        {
            Cadence = schedule.Cadence,
            LeadDays = schedule.LeadDays,
            RemindersOn = schedule.RemindersOn,
            DigestOn = schedule.DigestOn,
            CommentMailOn = schedule.CommentMailOn,
            Version = schedule.Version,
        };
    }
}

/// <summary>One option of the time-zone list: "Buenos Aires (UTC−03:00)" under "America / Argentina".</summary>
public sealed record ZoneOption(string Id, string Label)
{
    /// <summary>"Europe/London" → "London"; "America/Argentina/Buenos_Aires" → "Buenos Aires"; "UTC" → "UTC".</summary>
    public static string NameOf(string id) => id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');

    public static string Offset(TimeSpan offset) => offset == TimeSpan.Zero
        ? "UTC"
        : $"UTC{(offset < TimeSpan.Zero ? "\u2212" : "+")}{offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture)}";
}

/// <summary>The server's zones grouped by region (the IANA area), cities in alphabetical order, UTC and the rest last.</summary>
public sealed record ZoneGroup(string Region, IReadOnlyList<ZoneOption> Options)
{
    private static readonly HashSet<string> Regions = ["Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"];

    private const string Other = "Other";

    public static IReadOnlyList<ZoneGroup> All(DateTimeOffset now, TimeZoneInfo current)
    {
        var zones = PersonTimeZone.All.Where(z => z.Id.Contains('/', StringComparison.Ordinal) || z.Id == PersonTimeZone.Default).ToList();
        if (!zones.Any(z => z.Id == current.Id))
        {
            zones.Add(current); // an older name a browser reported ("Asia/Calcutta"): still shown, still selected
        }

        return zones
            .Select(z => (Region: RegionOf(z.Id), Option: new ZoneOption(z.Id, Label(z, now))))
            .GroupBy(x => x.Region)
            .OrderBy(g => g.Key == Other).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ZoneGroup(g.Key, g.Select(x => x.Option).OrderBy(o => o.Label, StringComparer.Ordinal).ToList()))
            .ToList();
    }

    private static string RegionOf(string id)
    {
        var parts = id.Split('/');
        return parts.Length >= 2 && Regions.Contains(parts[0]) ? string.Join(" / ", parts[..^1]).Replace('_', ' ') : Other;
    }

    private static string Label(TimeZoneInfo zone, DateTimeOffset now) => zone.Id == PersonTimeZone.Default
        ? "UTC (Coordinated Universal Time)"
        : $"{ZoneOption.NameOf(zone.Id)} ({ZoneOption.Offset(zone.GetUtcOffset(now))})";
}
