using CareerCompass.Domain.Time;

namespace CareerCompass.Domain.Tests.Time;

public sealed class PersonalDateTests
{
    private static DateOnly TodayIn(string zone, int year, int month, int day, int hour, int minute, int second = 0) =>
        PersonalDate.Today(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero), TimeZoneInfo.FindSystemTimeZoneById(zone));

    [Theory]
    // Winter (GMT, +0): the date turns at midnight UTC.
    [InlineData(2027, 1, 15, 23, 59, 59, "2027-01-15")]
    [InlineData(2027, 1, 16, 0, 0, 0, "2027-01-16")]
    // Summer (BST, +1): 23:30 UTC is already half past midnight the next day.
    [InlineData(2027, 6, 30, 22, 59, 59, "2027-06-30")]
    [InlineData(2027, 6, 30, 23, 0, 0, "2027-07-01")]
    // The clocks go forward at 01:00 UTC on 28 March 2027 and back at 01:00 UTC on 31 October 2027.
    [InlineData(2027, 3, 27, 23, 59, 59, "2027-03-27")]
    [InlineData(2027, 3, 28, 0, 0, 0, "2027-03-28")]
    [InlineData(2027, 3, 28, 22, 59, 59, "2027-03-28")]
    [InlineData(2027, 3, 28, 23, 0, 0, "2027-03-29")]
    [InlineData(2027, 10, 30, 23, 0, 0, "2027-10-31")]
    [InlineData(2027, 10, 31, 23, 30, 0, "2027-10-31")]
    [InlineData(2027, 11, 1, 0, 0, 0, "2027-11-01")]
    public void Europe_London_turns_the_date_at_its_own_midnight_in_winter_and_summer(int y, int mo, int d, int h, int mi, int s, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TodayIn("Europe/London", y, mo, d, h, mi, s));

    [Theory]
    // EST (-5) in January, EDT (-4) from 07:00 UTC on 14 March 2027, EST again from 06:00 UTC on 7 November 2027.
    [InlineData(2027, 1, 15, 4, 59, 59, "2027-01-14")]
    [InlineData(2027, 1, 15, 5, 0, 0, "2027-01-15")]
    [InlineData(2027, 3, 14, 4, 59, 59, "2027-03-13")]
    [InlineData(2027, 3, 14, 6, 59, 59, "2027-03-14")]
    [InlineData(2027, 3, 15, 3, 59, 59, "2027-03-14")]
    [InlineData(2027, 3, 15, 4, 0, 0, "2027-03-15")]
    [InlineData(2027, 11, 7, 3, 59, 59, "2027-11-06")]
    [InlineData(2027, 11, 7, 4, 0, 0, "2027-11-07")]
    [InlineData(2027, 11, 8, 4, 59, 59, "2027-11-07")]
    [InlineData(2027, 11, 8, 5, 0, 0, "2027-11-08")]
    public void America_New_York_turns_the_date_at_its_own_midnight_either_side_of_daylight_saving(int y, int mo, int d, int h, int mi, int s, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TodayIn("America/New_York", y, mo, d, h, mi, s));

    [Theory]
    // NZDT (+13) until 14:00 UTC on 3 April 2027, then NZST (+12); NZDT again from 14:00 UTC on 25 September 2027.
    [InlineData(2027, 3, 10, 10, 59, 59, "2027-03-10")]
    [InlineData(2027, 3, 10, 11, 0, 0, "2027-03-11")]
    [InlineData(2027, 3, 10, 23, 30, 0, "2027-03-11")]
    [InlineData(2027, 4, 4, 11, 59, 59, "2027-04-04")]
    [InlineData(2027, 4, 4, 12, 0, 0, "2027-04-05")]
    [InlineData(2027, 9, 25, 11, 59, 59, "2027-09-25")]
    [InlineData(2027, 9, 25, 12, 0, 0, "2027-09-26")]
    [InlineData(2027, 9, 26, 10, 59, 59, "2027-09-26")]
    [InlineData(2027, 9, 26, 11, 0, 0, "2027-09-27")]
    public void Pacific_Auckland_is_a_day_ahead_by_evening_in_utc_and_moves_with_its_own_daylight_saving(int y, int mo, int d, int h, int mi, int s, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TodayIn("Pacific/Auckland", y, mo, d, h, mi, s));

    [Fact]
    public void The_earliest_and_the_latest_zones_are_two_dates_apart_at_the_same_instant()
    {
        var instant = new DateTimeOffset(2027, 1, 1, 10, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2027, 1, 2), PersonalDate.Today(instant, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Kiritimati")));
        Assert.Equal(new DateOnly(2026, 12, 31), PersonalDate.Today(instant, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Pago_Pago")));
        Assert.Equal(new DateOnly(2027, 1, 1), PersonalDate.Today(instant, TimeZoneInfo.Utc));
    }

    [Theory]
    [InlineData("Pacific/Kiritimati", 9, 59, "2027-01-01")]
    [InlineData("Pacific/Kiritimati", 10, 0, "2027-01-02")]
    [InlineData("Pacific/Pago_Pago", 10, 59, "2026-12-31")]
    [InlineData("Pacific/Pago_Pago", 11, 0, "2027-01-01")]
    public void Plus_14_and_minus_11_turn_the_date_at_their_own_midnight(string zone, int hour, int minute, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TodayIn(zone, 2027, 1, 1, hour, minute));

    [Theory]
    // Half-hour and three-quarter-hour zones: St John's is -3:30 in winter, -2:30 in summer; Kathmandu is +5:45.
    [InlineData("America/St_Johns", 2027, 1, 15, 3, 29, 59, "2027-01-14")]
    [InlineData("America/St_Johns", 2027, 1, 15, 3, 30, 0, "2027-01-15")]
    [InlineData("America/St_Johns", 2027, 7, 15, 2, 29, 59, "2027-07-14")]
    [InlineData("America/St_Johns", 2027, 7, 15, 2, 30, 0, "2027-07-15")]
    [InlineData("Asia/Kathmandu", 2027, 1, 14, 18, 14, 59, "2027-01-14")]
    [InlineData("Asia/Kathmandu", 2027, 1, 14, 18, 15, 0, "2027-01-15")]
    // Santiago springs forward at midnight (5 September 2027 begins at 01:00 -03, 04:00 UTC) and falls back at
    // midnight (3 April 2027 has 23:00–23:59 twice, so it ends at 04:00 UTC, not 03:00).
    [InlineData("America/Santiago", 2027, 9, 5, 3, 59, 59, "2027-09-04")]
    [InlineData("America/Santiago", 2027, 9, 5, 4, 0, 0, "2027-09-05")]
    [InlineData("America/Santiago", 2027, 4, 4, 2, 59, 59, "2027-04-03")]
    [InlineData("America/Santiago", 2027, 4, 4, 3, 0, 0, "2027-04-03")]
    [InlineData("America/Santiago", 2027, 4, 4, 3, 59, 59, "2027-04-03")]
    [InlineData("America/Santiago", 2027, 4, 4, 4, 0, 0, "2027-04-04")]
    // Havana: 8 March 2026 began at 01:00 CDT (05:00 UTC); on 2 November 2025 00:00–00:59 came twice. Transitions
    // already past: the tz database rewrote Havana's future (tzdata 2026f keeps daylight time through 2026–27).
    [InlineData("America/Havana", 2026, 3, 8, 4, 59, 59, "2026-03-07")]
    [InlineData("America/Havana", 2026, 3, 8, 5, 0, 0, "2026-03-08")]
    [InlineData("America/Havana", 2025, 11, 2, 3, 59, 59, "2025-11-01")]
    [InlineData("America/Havana", 2025, 11, 2, 4, 0, 0, "2025-11-02")]
    [InlineData("America/Havana", 2025, 11, 2, 5, 0, 0, "2025-11-02")]
    public void Zones_off_the_hour_or_changing_their_clocks_at_midnight_turn_the_date_at_their_own_midnight(string zone, int y, int mo, int d, int h, int mi, int s, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TodayIn(zone, y, mo, d, h, mi, s));

    [Fact]
    public void The_offset_the_instant_is_written_with_does_not_matter()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var asUtc = new DateTimeOffset(2027, 6, 30, 23, 30, 0, TimeSpan.Zero);
        var asTokyo = asUtc.ToOffset(TimeSpan.FromHours(9));

        Assert.Equal(PersonalDate.Today(asUtc, zone), PersonalDate.Today(asTokyo, zone));
        Assert.Equal(new DateOnly(2027, 7, 1), PersonalDate.Today(asTokyo, zone));
    }

    [Fact]
    public void A_utc_time_is_shown_on_the_persons_wall_clock()
    {
        var utc = new DateTime(2027, 3, 10, 23, 30, 0, DateTimeKind.Utc);

        Assert.Equal(new DateTime(2027, 3, 11, 12, 30, 0), PersonalDate.LocalTime(utc, TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland")));
        Assert.Equal(new DateTime(2027, 3, 10, 18, 30, 0), PersonalDate.LocalTime(utc, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));
    }
}
