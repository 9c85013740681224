using System.Globalization;

namespace CareerCompass.Web.Infrastructure.Reviews;

/// <summary>How review dates read on pages and in e-mails.</summary>
public static class ReviewDates
{
    /// <summary>"Tuesday 1 December 2026".</summary>
    public static string Spelled(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"today", "tomorrow", "in 12 days", "3 days ago".</summary>
    public static string FromToday(DateOnly date, DateOnly today) => (date.DayNumber - today.DayNumber) switch
    {
        0 => "today",
        1 => "tomorrow",
        -1 => "yesterday",
        > 1 and var days => $"in {days} days",
        var days => $"{-days} days ago",
    };
}
