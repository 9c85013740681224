using System.Globalization;
using CareerCompass.Domain.Time;

namespace CareerCompass.Domain.Tests.Time;

/// <summary>
/// A wall-clock time on a person's calendar as the instant it happens. The transitions used here are from the tz
/// database (2025b on the build machine; `zdump -v -c 2027,2029 Zone` shows them).
/// </summary>
public sealed class LocalInstantTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static DateTimeOffset Utc(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTimeOffset At(string zone, int year, int month, int day, int hour, int minute, int second = 0) =>
        LocalInstant.At(new DateOnly(year, month, day), new TimeOnly(hour, minute, second), Zone(zone));

    [Theory]
    [InlineData("UTC", 2027, 1, 15, "2027-01-15T09:00:00Z")]
    [InlineData("Europe/London", 2027, 1, 15, "2027-01-15T09:00:00Z")] // GMT, +0
    [InlineData("Europe/London", 2027, 7, 15, "2027-07-15T08:00:00Z")] // BST, +1
    [InlineData("America/New_York", 2027, 1, 15, "2027-01-15T14:00:00Z")] // EST, -5
    [InlineData("America/New_York", 2027, 7, 15, "2027-07-15T13:00:00Z")] // EDT, -4
    [InlineData("Pacific/Auckland", 2027, 1, 15, "2027-01-14T20:00:00Z")] // NZDT, +13: the previous UTC day
    [InlineData("Pacific/Auckland", 2027, 7, 15, "2027-07-14T21:00:00Z")] // NZST, +12
    [InlineData("America/St_Johns", 2027, 1, 15, "2027-01-15T12:30:00Z")] // NST, -3:30
    [InlineData("America/St_Johns", 2027, 7, 15, "2027-07-15T11:30:00Z")] // NDT, -2:30
    [InlineData("Asia/Kathmandu", 2027, 1, 15, "2027-01-15T03:15:00Z")] // +5:45
    [InlineData("Asia/Kolkata", 2027, 1, 15, "2027-01-15T03:30:00Z")] // +5:30
    [InlineData("Pacific/Kiritimati", 2027, 1, 15, "2027-01-14T19:00:00Z")] // +14
    [InlineData("Pacific/Pago_Pago", 2027, 1, 15, "2027-01-15T20:00:00Z")] // -11
    public void Nine_in_the_morning_is_the_instant_the_persons_clock_shows_nine(string zone, int year, int month, int day, string expected) =>
        Assert.Equal(Utc(expected), At(zone, year, month, day, 9, 0));

    [Fact]
    public void The_result_is_written_in_utc() =>
        Assert.Equal(TimeSpan.Zero, At("Asia/Kathmandu", 2027, 1, 15, 9, 0).Offset);

    // America/New_York springs forward at 02:00 EST on 14 March 2027 (07:00 UTC) to 03:00 EDT.
    [Theory]
    [InlineData(1, 59, 0, "2027-03-14T06:59:00Z")] // still EST
    [InlineData(2, 0, 0, "2027-03-14T07:00:00Z")] // the wall clock never shows 02:00 …
    [InlineData(2, 30, 0, "2027-03-14T07:00:00Z")] // … nor 02:30: the first moment after the gap, 03:00 EDT
    [InlineData(2, 59, 0, "2027-03-14T07:00:00Z")]
    [InlineData(3, 0, 0, "2027-03-14T07:00:00Z")]
    [InlineData(3, 30, 0, "2027-03-14T07:30:00Z")]
    public void In_new_yorks_spring_forward_gap_a_missing_time_is_the_first_moment_after_the_gap(int hour, int minute, int second, string expected) =>
        Assert.Equal(Utc(expected), At("America/New_York", 2027, 3, 14, hour, minute, second));

    [Fact]
    public void A_missing_time_with_seconds_still_lands_exactly_where_the_gap_ends() =>
        Assert.Equal(Utc("2027-03-14T07:00:00Z"), At("America/New_York", 2027, 3, 14, 2, 30, 30));

    // America/New_York falls back at 02:00 EDT on 7 November 2027 (06:00 UTC) to 01:00 EST: 01:00–01:59 happens twice.
    [Theory]
    [InlineData(0, 30, "2027-11-07T04:30:00Z")]
    [InlineData(1, 0, "2027-11-07T05:00:00Z")] // the first 01:00 (EDT), not 06:00Z
    [InlineData(1, 30, "2027-11-07T05:30:00Z")] // the first 01:30 (EDT), not 06:30Z
    [InlineData(2, 0, "2027-11-07T07:00:00Z")] // EST from here
    public void In_new_yorks_fall_back_overlap_a_repeated_time_is_the_earlier_of_the_two(int hour, int minute, string expected) =>
        Assert.Equal(Utc(expected), At("America/New_York", 2027, 11, 7, hour, minute));

    // Europe/London: 01:00 GMT → 02:00 BST on 28 March 2027; 02:00 BST → 01:00 GMT on 31 October 2027.
    [Theory]
    [InlineData(3, 28, 0, 59, "2027-03-28T00:59:00Z")]
    [InlineData(3, 28, 1, 0, "2027-03-28T01:00:00Z")]
    [InlineData(3, 28, 1, 30, "2027-03-28T01:00:00Z")] // never shown: 02:00 BST
    [InlineData(3, 28, 2, 0, "2027-03-28T01:00:00Z")]
    [InlineData(3, 28, 9, 0, "2027-03-28T08:00:00Z")]
    [InlineData(10, 31, 1, 30, "2027-10-31T00:30:00Z")] // twice: the BST one
    [InlineData(10, 31, 9, 0, "2027-10-31T09:00:00Z")]
    public void Europe_london_around_its_changes(int month, int day, int hour, int minute, string expected) =>
        Assert.Equal(Utc(expected), At("Europe/London", 2027, month, day, hour, minute));

    // Australia/Lord_Howe moves by half an hour: 02:00 +10:30 → 02:30 +11 on 3 October 2027, and 02:00 +11 → 01:30
    // +10:30 on 4 April 2027.
    [Theory]
    [InlineData(10, 3, 1, 59, "2027-10-02T15:29:00Z")]
    [InlineData(10, 3, 2, 0, "2027-10-02T15:30:00Z")] // the half-hour gap: 02:30 +11
    [InlineData(10, 3, 2, 15, "2027-10-02T15:30:00Z")]
    [InlineData(10, 3, 2, 30, "2027-10-02T15:30:00Z")]
    [InlineData(10, 3, 9, 0, "2027-10-02T22:00:00Z")]
    [InlineData(4, 4, 1, 29, "2027-04-03T14:29:00Z")]
    [InlineData(4, 4, 1, 45, "2027-04-03T14:45:00Z")] // twice: the earlier, at +11
    [InlineData(4, 4, 2, 0, "2027-04-03T15:30:00Z")]
    [InlineData(4, 4, 9, 0, "2027-04-03T22:30:00Z")]
    public void Lord_howes_half_hour_daylight_saving(int month, int day, int hour, int minute, string expected) =>
        Assert.Equal(Utc(expected), At("Australia/Lord_Howe", 2027, month, day, hour, minute));

    // America/Santiago and America/Havana change at midnight: their spring-forward day has no 00:00. Havana's cases are
    // transitions already past (March 2026, November 2025): the tz database rewrote its future when Cuba kept daylight
    // time through the winter of 2026–27 (tzdata 2026f), and past transitions don't change.
    [Theory]
    [InlineData("America/Santiago", 2027, 9, 4, 23, 59, "2027-09-05T03:59:00Z")]
    [InlineData("America/Santiago", 2027, 9, 5, 0, 0, "2027-09-05T04:00:00Z")] // 00:00 doesn't exist: 01:00 -03
    [InlineData("America/Santiago", 2027, 9, 5, 0, 30, "2027-09-05T04:00:00Z")]
    [InlineData("America/Santiago", 2027, 9, 5, 1, 0, "2027-09-05T04:00:00Z")]
    [InlineData("America/Santiago", 2027, 9, 5, 9, 0, "2027-09-05T12:00:00Z")]
    [InlineData("America/Havana", 2026, 3, 7, 23, 59, "2026-03-08T04:59:00Z")]
    [InlineData("America/Havana", 2026, 3, 8, 0, 0, "2026-03-08T05:00:00Z")] // 00:00 doesn't exist: 01:00 CDT
    [InlineData("America/Havana", 2026, 3, 8, 0, 30, "2026-03-08T05:00:00Z")]
    [InlineData("America/Havana", 2026, 3, 8, 9, 0, "2026-03-08T13:00:00Z")]
    public void Where_the_clocks_spring_forward_at_midnight_the_day_begins_at_one(string zone, int year, int month, int day, int hour, int minute, string expected) =>
        Assert.Equal(Utc(expected), At(zone, year, month, day, hour, minute));

    // … and fall back at midnight: Santiago's 23:00–23:59 on 3 April 2027, Havana's 00:00–00:59 on 2 November 2025.
    [Theory]
    [InlineData("America/Santiago", 2027, 4, 3, 23, 30, "2027-04-04T02:30:00Z")] // the first, at -03
    [InlineData("America/Santiago", 2027, 4, 4, 0, 0, "2027-04-04T04:00:00Z")]
    [InlineData("America/Santiago", 2027, 4, 4, 9, 0, "2027-04-04T13:00:00Z")]
    [InlineData("America/Havana", 2025, 11, 2, 0, 0, "2025-11-02T04:00:00Z")] // the first, at CDT
    [InlineData("America/Havana", 2025, 11, 2, 0, 30, "2025-11-02T04:30:00Z")]
    [InlineData("America/Havana", 2025, 11, 2, 1, 0, "2025-11-02T06:00:00Z")]
    public void Where_the_clocks_fall_back_at_midnight_the_repeated_hour_is_the_earlier(string zone, int year, int month, int day, int hour, int minute, string expected) =>
        Assert.Equal(Utc(expected), At(zone, year, month, day, hour, minute));

    [Fact]
    public void A_day_a_zone_skipped_entirely_is_the_first_moment_after_it()
    {
        // Samoa moved across the date line: 29 December 2011 23:59:59 -10 was followed by 31 December 00:00 +14.
        var zone = Zone("Pacific/Apia");

        Assert.Equal(Utc("2011-12-30T10:00:00Z"), LocalInstant.At(new DateOnly(2011, 12, 30), new TimeOnly(9, 0), zone));
        Assert.Equal(Utc("2011-12-30T19:00:00Z"), LocalInstant.At(new DateOnly(2011, 12, 31), new TimeOnly(9, 0), zone));
    }

    [Fact]
    public void An_hour_a_zone_repeated_by_changing_its_standard_offset_is_the_earlier()
    {
        // Kazakhstan moved from +6 to +5 at midnight on 1 March 2024: Almaty's 23:00–23:59 on 29 February came twice.
        var zone = Zone("Asia/Almaty");

        Assert.Equal(Utc("2024-02-29T16:30:00Z"), LocalInstant.At(new DateOnly(2024, 2, 29), new TimeOnly(22, 30), zone));
        Assert.Equal(Utc("2024-02-29T17:30:00Z"), LocalInstant.At(new DateOnly(2024, 2, 29), new TimeOnly(23, 30), zone));
        Assert.Equal(Utc("2024-03-01T04:00:00Z"), LocalInstant.At(new DateOnly(2024, 3, 1), new TimeOnly(9, 0), zone));
    }

    [Fact]
    public void A_zone_is_required() =>
        Assert.Throws<ArgumentNullException>(() => LocalInstant.At(new DateOnly(2027, 1, 15), new TimeOnly(9, 0), null!));
}
