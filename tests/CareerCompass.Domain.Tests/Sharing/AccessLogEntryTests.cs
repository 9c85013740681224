using CareerCompass.Domain.Sharing;

namespace CareerCompass.Domain.Tests.Sharing;

/// <summary>The log of what a counsellor looked at, and how long it is kept.</summary>
public sealed class AccessLogEntryTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(1));

    [Fact]
    public void An_entry_records_who_looked_at_what_and_when()
    {
        var entry = AccessLogEntry.Of("client-1", "counsellor-1", SharedArea.Goals, 42, " /Goals/Details/42 ", At);

        Assert.Equal("client-1", entry.OwnerId);
        Assert.Equal("counsellor-1", entry.CounsellorId);
        Assert.Equal(SharedArea.Goals, entry.Area);
        Assert.Equal(42, entry.RecordId);
        Assert.Equal("/Goals/Details/42", entry.Path);
        Assert.Equal(new DateTime(2026, 3, 2, 8, 30, 0, DateTimeKind.Utc), entry.AtUtc);
    }

    [Fact]
    public void A_page_not_about_one_record_has_no_record_id()
    {
        Assert.Null(AccessLogEntry.Of("client-1", "counsellor-1", SharedArea.Dashboard, null, "/Dashboard", At).RecordId);
    }

    [Fact]
    public void A_long_path_is_cut_to_the_limit_rather_than_refused()
    {
        var entry = AccessLogEntry.Of("client-1", "counsellor-1", SharedArea.Goals, null, "/" + new string('g', 400), At);

        Assert.Equal(AccessLogEntry.PathLength, entry.Path.Length);
        Assert.Equal(300, AccessLogEntry.PathLength);
    }

    [Fact]
    public void An_unknown_area_or_missing_counsellor_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AccessLogEntry.Of("client-1", "counsellor-1", (SharedArea)99, null, "/", At));
        Assert.Throws<ArgumentException>(() => AccessLogEntry.Of("client-1", " ", SharedArea.Goals, null, "/", At));
    }

    [Fact]
    public void Entries_are_kept_for_two_years()
    {
        var entry = AccessLogEntry.Of("client-1", "counsellor-1", SharedArea.Reviews, 3, "/Reviews/3", At);

        Assert.Equal(730, AccessLogEntry.RetentionDays);
        Assert.Equal(At.UtcDateTime.AddDays(-730), AccessLogEntry.RetentionCutoffUtc(At));
        Assert.False(entry.IsPastRetention(At.AddDays(730)));
        Assert.True(entry.IsPastRetention(At.AddDays(730).AddTicks(1)));
    }
}
