namespace CareerCompass.Domain.Reviews;

public enum ReminderKind
{
    /// <summary>"Your review is coming up": the schedule's lead time before the review date.</summary>
    ReviewSoon,

    /// <summary>"Your review is today".</summary>
    ReviewToday,

    /// <summary>The weekly list of milestones due in the next seven days; its date is the Monday of that week.</summary>
    MilestoneDigest,
}

public enum ReminderState
{
    Pending,
    Sent,

    /// <summary>No longer wanted: the review moved, reminders were turned off, the review was done early.</summary>
    Cancelled,

    /// <summary>Its time came but there was nothing to send (no milestones due; the address isn't confirmed).</summary>
    Skipped,
}

/// <summary>A reminder wanted at a moment: what the schedule asks for, before it is a row.</summary>
public sealed record PlannedReminder(ReminderKind Kind, DateOnly ForDate, DateTimeOffset SendAt);

/// <summary>
/// One reminder e-mail, written before it is sent and unique per (person, date, kind), so it can be sent at most once
/// in effect: a dispatcher claims it with a lease, sends it, and marks it sent; a lease that runs out (a crash) lets
/// another pass claim it again, and the message keeps the same Message-Id.
/// </summary>
public sealed class Reminder
{
    private Reminder(string personId, ReminderKind kind, DateOnly forDate, DateTime sendAtUtc)
    {
        PersonId = personId;
        Kind = kind;
        ForDate = forDate;
        SendAtUtc = sendAtUtc;
        State = ReminderState.Pending;
    }

    public long Id { get; private set; }

    public string PersonId { get; private set; }

    public ReminderKind Kind { get; private set; }

    /// <summary>The review date it is about, or the Monday of the digest's week.</summary>
    public DateOnly ForDate { get; private set; }

    public DateTime SendAtUtc { get; private set; }

    public ReminderState State { get; private set; }

    /// <summary>Which dispatcher holds it, and until when; set and cleared by the dispatcher's own statements.</summary>
    public string? LeaseOwner { get; private set; }

    public DateTime? LeaseUntilUtc { get; private set; }

    public int Attempts { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public static Reminder Plan(string personId, PlannedReminder planned)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        ArgumentNullException.ThrowIfNull(planned);
        return new Reminder(personId, planned.Kind, planned.ForDate, planned.SendAt.UtcDateTime);
    }

    /// <summary>
    /// The e-mail went at <paramref name="at"/>. The dispatcher marks its rows sent with its own statement (guarded by
    /// its lease); this is the same change for code that holds the row, and for tests. Only a pending row can be sent.
    /// </summary>
    public void MarkSent(DateTimeOffset at)
    {
        if (State != ReminderState.Pending)
        {
            throw new InvalidOperationException($"Only a pending reminder can be marked sent; this one is {State}.");
        }

        State = ReminderState.Sent;
        SentAtUtc = at.UtcDateTime;
        LeaseOwner = null;
        LeaseUntilUtc = null;
    }

    /// <summary>
    /// Brings one person's review reminders in line with what is wanted now: pending ones no longer wanted are
    /// cancelled, wanted ones move to their new time, a cancelled one wanted again comes back, and one already sent
    /// is never planned twice. Returns the rows to add. Nothing is planned for a moment already past: a reminder that
    /// became due while it was pending still goes (late beats never), but a change never fires one at once.
    /// </summary>
    public static IReadOnlyList<Reminder> Reconcile(string personId, IEnumerable<Reminder> existing, IReadOnlyList<PlannedReminder> wanted, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(wanted);
        var rows = existing.Where(r => r.Kind != ReminderKind.MilestoneDigest).ToList();
        var added = new List<Reminder>();
        foreach (var row in rows.Where(r => r.State == ReminderState.Pending && !wanted.Any(w => w.Kind == r.Kind && w.ForDate == r.ForDate)))
        {
            row.State = ReminderState.Cancelled;
        }

        foreach (var want in wanted)
        {
            var row = rows.FirstOrDefault(r => r.Kind == want.Kind && r.ForDate == want.ForDate);
            switch (row?.State)
            {
                case null when want.SendAt > now:
                    added.Add(Plan(personId, want));
                    break;
                case ReminderState.Pending when want.SendAt > now || row.SendAtUtc <= now.UtcDateTime:
                    row.SendAtUtc = want.SendAt.UtcDateTime;
                    break;
                case ReminderState.Pending:
                    row.State = ReminderState.Cancelled; // was still to come, and its new time has passed
                    break;
                case ReminderState.Cancelled when want.SendAt > now:
                    row.State = ReminderState.Pending;
                    row.SendAtUtc = want.SendAt.UtcDateTime;
                    (row.Attempts, row.LeaseOwner, row.LeaseUntilUtc) = (0, null, null); // a fresh start
                    break;
                default:
                    break; // sent, skipped, or a cancelled one whose time has gone
            }
        }

        return added;
    }
}
