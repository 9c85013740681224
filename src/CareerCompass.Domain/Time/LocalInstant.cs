namespace CareerCompass.Domain.Time;

/// <summary>
/// A wall-clock time on a date in a person's zone, as the instant it happens (UTC). Where the clocks spring forward
/// past that time it is the first moment after the gap; where they fall back over it, the first of the two.
/// </summary>
public static class LocalInstant
{
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            // In a spring-forward gap: the wall clock skips this minute, so the moment is when it reappears.
            local = local.AddMinutes(1);
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max() // the earlier instant: before the clocks went back
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
