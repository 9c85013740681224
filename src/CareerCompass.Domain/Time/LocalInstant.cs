namespace CareerCompass.Domain.Time;

/// <summary>
/// A wall-clock time on a date in a person's zone, as the instant it happens (UTC). Where the clocks spring forward
/// past that time it is the first moment after the gap; where they fall back over it, the first of the two.
/// </summary>
public static class LocalInstant
{
    /// <summary>More than any gap the tz database has (Samoa's skipped day, 2011): a guard, never reached.</summary>
    private const int MaxGapMinutes = 3 * 24 * 60;

    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (Resolve(local, zone) is { } instant)
        {
            return instant;
        }

        // In a spring-forward gap: the wall clock skips this time, so the moment is when it reappears. Clocks change
        // on a whole minute, so from the whole minute the first one that exists is exactly where the gap ends
        // (02:30:30 in a 02:00–03:00 gap is 03:00:00, not 03:00:30).
        var minute = local.AddTicks(-(local.Ticks % TimeSpan.TicksPerMinute));
        for (var minutes = 0; minutes < MaxGapMinutes; minutes++)
        {
            minute = minute.AddMinutes(1);
            if (Resolve(minute, zone) is { } after)
            {
                return after;
            }
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The instant <paramref name="local"/> is shown in <paramref name="zone"/>, or null if it never is.</summary>
    private static DateTimeOffset? Resolve(DateTime local, TimeZoneInfo zone)
    {
        if (zone.IsInvalidTime(local))
        {
            return null;
        }

        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max() // the earlier instant: before the clocks went back
            : zone.GetUtcOffset(local);
        var instant = new DateTimeOffset(local, offset).ToUniversalTime();

        // TimeZoneInfo calls only daylight-saving gaps invalid: in a gap made by a change of standard offset (Samoa
        // skipped 30 December 2011 going from -10 to +14) it gives an offset whose instant shows another wall time.
        return TimeZoneInfo.ConvertTime(instant, zone).DateTime == local ? instant : null;
    }
}
