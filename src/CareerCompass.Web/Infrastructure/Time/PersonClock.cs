using System.Security.Claims;
using CareerCompass.Domain.Time;

namespace CareerCompass.Web.Infrastructure.Time;

/// <summary>
/// "What date is it for this person", for the signed-in person of this request: the injected
/// <see cref="TimeProvider"/> read on their time zone, which travels in their sign-in as a claim
/// (<see cref="PersonClaims.TimeZoneType"/>), so asking costs no query. Visitors, and a sign-in from before the claim
/// existed (renewed within 30 seconds by the security-stamp check), are on UTC.
/// </summary>
public sealed class PersonClock(TimeProvider clock, IHttpContextAccessor http)
{
    private TimeZoneInfo? _zone;

    /// <summary>The person's zone, read once per request.</summary>
    public TimeZoneInfo Zone => _zone ??= (http.HttpContext?.User ?? new ClaimsPrincipal()).TimeZone();

    /// <summary>Today's date on the person's calendar.</summary>
    public DateOnly Today => PersonalDate.Today(clock.GetUtcNow(), Zone);

    /// <summary>A stored UTC time as the person's wall clock shows it.</summary>
    public DateTime Local(DateTime utc) => PersonalDate.LocalTime(utc, Zone);

    /// <summary>Now, as an instant (what records are stamped with: times are stored in UTC).</summary>
    public DateTimeOffset UtcNow => clock.GetUtcNow();

    /// <summary>Now, on the person's wall clock.</summary>
    public DateTime Now => Local(clock.GetUtcNow().UtcDateTime);
}

/// <summary>The claims CareerCompass adds to a sign-in (see <see cref="AppClaimsPrincipalFactory"/>).</summary>
public static class PersonClaims
{
    public const string TimeZoneType = "careercompass:time_zone";

    public const string NextReviewType = "careercompass:next_review";

    /// <summary>The person's zone from their sign-in; UTC for a visitor, a missing claim or a zone this server doesn't know.</summary>
    public static TimeZoneInfo TimeZone(this ClaimsPrincipal user) => PersonTimeZone.FindOrUtc(user.FindFirstValue(TimeZoneType));

    /// <summary>The person's next review date from their sign-in, if it carries one.</summary>
    public static DateOnly? NextReview(this ClaimsPrincipal user) =>
        DateOnly.TryParseExact(user.FindFirstValue(NextReviewType), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : null;
}
