namespace CareerCompass.Domain.Time;

/// <summary>
/// "What date is it for this person": the calendar date on their wall clock, in their time zone. Times are stored in
/// UTC; dates a person writes (deadlines, due dates, follow-ups) are dates on their own calendar, so "today", "overdue"
/// and "in the past" are decided on that calendar — in Auckland 23:30 UTC on 10 March is already 11 March.
/// </summary>
public static class PersonalDate
{
    public static DateOnly Today(DateTimeOffset utcNow, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utcNow, zone).DateTime);
    }

    /// <summary>A stored UTC time as the person's wall clock showed it (for times shown on a page).</summary>
    public static DateTime LocalTime(DateTime utc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
    }
}
