namespace CareerCompass.Web.Infrastructure.Reviews;

/// <summary>The reminder dispatcher's settings (section <c>Reminders</c>).</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Whether this instance runs the dispatcher at all (several instances may; each claims its own rows).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often a pass runs.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a claimed reminder stays this dispatcher's: longer than any one send, so two never send the same
    /// row; short enough that a crash delays a reminder by minutes, not hours.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many reminders one claim takes.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>The wall-clock time of the Monday digest.</summary>
    public TimeOnly DigestTime { get; set; } = new(8, 0);
}
