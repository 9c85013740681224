using System.Security.Cryptography;
using CareerCompass.Domain.Common;
using CareerCompass.Domain.Time;

namespace CareerCompass.Domain.Reviews;

/// <summary>
/// When a person next reviews their goals, and how they want to be reminded: one per person. The first review is a
/// cadence after they signed up; each completed review sets the next a cadence after the day it was completed. Dates
/// are on the person's own calendar.
/// </summary>
public sealed class ReviewSchedule : OwnedEntity
{
    public const int DefaultLeadDays = 14;
    public const int MaxLeadDays = 60;
    public const int TokenLength = 43; // 32 random bytes, base64url

    /// <summary>Review reminders arrive at nine in the morning on the person's clock.</summary>
    public static readonly TimeOnly ReminderTime = new(9, 0);

    private ReviewSchedule(string ownerId, DateOnly startedOn)
        : base(ownerId)
    {
        StartedOn = startedOn;
        Cadence = ReviewCadence.Yearly;
        NextReviewOn = Cadence.After(startedOn);
        LeadDays = DefaultLeadDays;
        RemindersOn = true;
        DigestOn = true;
        CommentMailOn = true;
        CalendarToken = NewToken();
    }

    public ReviewCadence Cadence { get; private set; }

    /// <summary>The day the person signed up, on their calendar: the first review is dated from it.</summary>
    public DateOnly StartedOn { get; private set; }

    public DateOnly? LastReviewedOn { get; private set; }

    /// <summary>
    /// Whether the reminder rows have been brought in line with this schedule at least once (false only for schedules
    /// made by the Reviews migration, which the dispatcher then plans).
    /// </summary>
    public bool RemindersPlanned { get; private set; }

    /// <summary>How many reviews the person has completed.</summary>
    public int ReviewsCompleted { get; private set; }

    public DateOnly NextReviewOn { get; private set; }

    /// <summary>How many days before the review date the first reminder comes (0: only on the day).</summary>
    public int LeadDays { get; private set; }

    public bool RemindersOn { get; private set; }

    /// <summary>The weekly e-mail of milestones due in the coming seven days.</summary>
    public bool DigestOn { get; private set; }

    /// <summary>
    /// Whether to e-mail the person about new comments on a plan they share or read (at most one mail an hour per
    /// thread). Kept here with the person's other e-mail choices.
    /// </summary>
    public bool CommentMailOn { get; private set; }

    /// <summary>The secret in the private calendar address; regenerating it makes the old address answer 404.</summary>
    public string CalendarToken { get; private set; }

    public static ReviewSchedule Start(string ownerId, DateOnly signedUpOn) => new(ownerId, signedUpOn);

    public bool IsDue(DateOnly today) => today >= NextReviewOn;

    public int DaysUntilReview(DateOnly today) => NextReviewOn.DayNumber - today.DayNumber;

    /// <summary>
    /// A new rhythm, dated from the last review (or sign-up). If that date has already passed, the review is due today
    /// rather than overdue.
    /// </summary>
    public void ChangeCadence(ReviewCadence cadence, DateOnly today)
    {
        if (!Enum.IsDefined(cadence))
        {
            throw new DomainRuleException(nameof(Cadence), "Please choose how often you'd like to review.");
        }

        Cadence = cadence;
        var next = cadence.After(LastReviewedOn ?? StartedOn);
        NextReviewOn = next < today ? today : next;
    }

    /// <summary>A review was completed today: the next one is a cadence from now, whenever this one was due.</summary>
    public void Reviewed(DateOnly today)
    {
        LastReviewedOn = today;
        ReviewsCompleted++;
        NextReviewOn = Cadence.After(today);
    }

    public void SetReminders(bool remindersOn, int leadDays, bool digestOn)
    {
        if (leadDays is < 0 or > MaxLeadDays)
        {
            throw new DomainRuleException(nameof(LeadDays), $"Please choose between 0 and {MaxLeadDays} days.");
        }

        RemindersOn = remindersOn;
        LeadDays = leadDays;
        DigestOn = digestOn;
    }

    public void StopReminders() => RemindersOn = false;

    /// <summary>Called by whoever planned the reminder rows for this schedule.</summary>
    public void MarkRemindersPlanned() => RemindersPlanned = true;

    public void StopDigest() => DigestOn = false;

    public void SetCommentMail(bool on) => CommentMailOn = on;

    public void StopCommentMail() => CommentMailOn = false;

    public void RenewCalendarToken() => CalendarToken = NewToken();

    /// <summary>
    /// The review reminders this schedule wants: one <see cref="LeadDays"/> before the review date (if that is a
    /// different day) and one on the day, each at <see cref="ReminderTime"/> in <paramref name="zone"/>. None when
    /// reminders are off.
    /// </summary>
    public IReadOnlyList<PlannedReminder> PlannedReminders(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!RemindersOn)
        {
            return [];
        }

        var onTheDay = new PlannedReminder(ReminderKind.ReviewToday, NextReviewOn, LocalInstant.At(NextReviewOn, ReminderTime, zone));
        if (LeadDays == 0)
        {
            return [onTheDay];
        }

        var leadDay = NextReviewOn.AddDays(-LeadDays);
        return [new PlannedReminder(ReminderKind.ReviewSoon, NextReviewOn, LocalInstant.At(leadDay, ReminderTime, zone)), onTheDay];
    }

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
