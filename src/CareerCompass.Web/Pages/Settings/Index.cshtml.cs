using System.Globalization;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Pages.Settings;

/// <summary>
/// <c>/Settings</c>: the person's own settings, one section per setting, each with its own form and handler
/// (<c>?handler=TimeZone</c>), so a section added later (review cadence, reminders) stands beside the others.
/// </summary>
public sealed class Index(UserManager<AppUser> users, SignInManager<AppUser> signIn, TimeProvider clock) : PageModel
{
    public const string UnknownZone = "We don't know that time zone. Please choose one from the list.";
    public const string NotSaved = "That didn't save — something changed at the same moment. Please try again.";

    [BindProperty]
    public TimeZoneInput Zone { get; set; } = new();

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

        Show(user);
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
            Show(user);
            return Page();
        }

        if (zone.Id != user.TimeZone)
        {
            user.TimeZone = zone.Id;
            if (!(await users.UpdateAsync(user)).Succeeded)
            {
                ModelState.AddModelError($"{nameof(Zone)}.{nameof(Zone.Id)}", NotSaved);
                Show((await users.GetUserAsync(User))!);
                return Page();
            }

            // The zone rides in the sign-in's claims: renew this one now (other devices follow within 30 seconds).
            await signIn.RefreshSignInAsync(user);
        }

        var now = PersonalDate.LocalTime(clock.GetUtcNow().UtcDateTime, zone);
        StatusMessage = $"Saved. Your time zone is {ZoneOption.NameOf(zone.Id)} — it's {now.ToString("HH:mm 'on' dddd d MMMM", CultureInfo.InvariantCulture)} there now.";
        return RedirectToPage();
    }

    private void Show(AppUser user)
    {
        CurrentZone = PersonTimeZone.FindOrUtc(user.TimeZone);
        Zone = new TimeZoneInput { Id = CurrentZone.Id };
        Zones = ZoneGroup.All(clock.GetUtcNow(), CurrentZone);
    }

    /// <summary>Now, on the person's wall clock (shown under the field, so they can check it's right).</summary>
    public DateTime LocalNow => PersonalDate.LocalTime(clock.GetUtcNow().UtcDateTime, CurrentZone);

    public sealed class TimeZoneInput
    {
        public string? Id { get; set; }
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
