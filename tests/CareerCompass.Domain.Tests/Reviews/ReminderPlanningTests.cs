using System.Globalization;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Time;

namespace CareerCompass.Domain.Tests.Reviews;

/// <summary>
/// What reminders a schedule wants (<see cref="ReviewSchedule.PlannedReminders"/>) and how the rows follow it
/// (<see cref="Reminder.Reconcile"/>), on a clock the tests move by hand.
/// </summary>
public sealed class ReminderPlanningTests
{
    private const string PersonId = "person-1";

    private static readonly TimeZoneInfo London = Zone("Europe/London");

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static DateTime UtcTime(string instant) => Utc(instant).UtcDateTime;

    // ---- PlannedReminders ----

    [Fact]
    public void With_a_lead_time_a_review_wants_a_reminder_before_and_one_on_the_day_both_about_the_review_date()
    {
        var schedule = ReviewSchedule.Start(PersonId, D("2026-07-15")); // review on 15 July 2027

        var planned = schedule.PlannedReminders(London);

        Assert.Equal(
            [
                new PlannedReminder(ReminderKind.ReviewSoon, D("2027-07-15"), Utc("2027-07-01T08:00:00Z")),
                new PlannedReminder(ReminderKind.ReviewToday, D("2027-07-15"), Utc("2027-07-15T08:00:00Z")),
            ],
            planned);
    }

    [Fact]
    public void Reminders_are_at_nine_on_the_persons_clock()
    {
        var schedule = ReviewSchedule.Start(PersonId, D("2026-07-15"));

        Assert.All(schedule.PlannedReminders(Zone("Asia/Kathmandu")), reminder =>
            Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(PersonalDate.LocalTime(reminder.SendAt.UtcDateTime, Zone("Asia/Kathmandu")))));
        Assert.Equal(new TimeOnly(9, 0), ReviewSchedule.ReminderTime);
    }

    [Theory]
    [InlineData("Europe/London", "2026-07-15", "2027-07-01T08:00:00Z", "2027-07-15T08:00:00Z")] // BST
    [InlineData("Europe/London", "2026-01-29", "2027-01-15T09:00:00Z", "2027-01-29T09:00:00Z")] // GMT
    [InlineData("Europe/London", "2026-04-05", "2027-03-22T09:00:00Z", "2027-04-05T08:00:00Z")] // the clocks change between the two
    [InlineData("Pacific/Auckland", "2026-07-15", "2027-06-30T21:00:00Z", "2027-07-14T21:00:00Z")] // the previous UTC day
    [InlineData("Pacific/Auckland", "2026-01-29", "2027-01-14T20:00:00Z", "2027-01-28T20:00:00Z")] // NZDT, +13
    [InlineData("America/St_Johns", "2026-01-29", "2027-01-15T12:30:00Z", "2027-01-29T12:30:00Z")] // -3:30
    [InlineData("America/St_Johns", "2026-07-15", "2027-07-01T11:30:00Z", "2027-07-15T11:30:00Z")] // -2:30
    [InlineData("Asia/Kathmandu", "2026-07-15", "2027-07-01T03:15:00Z", "2027-07-15T03:15:00Z")] // +5:45
    [InlineData("Pacific/Kiritimati", "2026-07-15", "2027-06-30T19:00:00Z", "2027-07-14T19:00:00Z")] // +14
    [InlineData("Pacific/Pago_Pago", "2026-07-15", "2027-07-01T20:00:00Z", "2027-07-15T20:00:00Z")] // -11
    [InlineData("UTC", "2026-07-15", "2027-07-01T09:00:00Z", "2027-07-15T09:00:00Z")]
    public void The_reminders_are_the_instants_nine_oclock_comes_in_the_persons_zone(string zone, string signedUp, string soon, string onTheDay)
    {
        var planned = ReviewSchedule.Start(PersonId, D(signedUp)).PlannedReminders(Zone(zone));

        Assert.Equal([Utc(soon), Utc(onTheDay)], planned.Select(p => p.SendAt));
        Assert.All(planned, p => Assert.Equal(D(signedUp).AddYears(1), p.ForDate));
    }

    [Fact]
    public void With_no_lead_time_only_the_reminder_on_the_day_is_wanted()
    {
        var schedule = ReviewSchedule.Start(PersonId, D("2026-07-15"));
        schedule.SetReminders(remindersOn: true, leadDays: 0, digestOn: true);

        Assert.Equal([new PlannedReminder(ReminderKind.ReviewToday, D("2027-07-15"), Utc("2027-07-15T08:00:00Z"))], schedule.PlannedReminders(London));
    }

    [Fact]
    public void The_longest_lead_time_is_sixty_days_before()
    {
        var schedule = ReviewSchedule.Start(PersonId, D("2026-07-15"));
        schedule.SetReminders(remindersOn: true, ReviewSchedule.MaxLeadDays, digestOn: true);

        Assert.Equal(Utc("2027-05-16T08:00:00Z"), schedule.PlannedReminders(London)[0].SendAt);
    }

    [Fact]
    public void With_reminders_off_nothing_is_wanted()
    {
        var turnedOff = ReviewSchedule.Start(PersonId, D("2026-07-15"));
        turnedOff.SetReminders(remindersOn: false, leadDays: 14, digestOn: true);
        var stopped = ReviewSchedule.Start(PersonId, D("2026-07-15"));
        stopped.StopReminders();

        Assert.Empty(turnedOff.PlannedReminders(London));
        Assert.Empty(stopped.PlannedReminders(London));
    }

    [Fact]
    public void Planning_needs_a_zone() =>
        Assert.Throws<ArgumentNullException>(() => ReviewSchedule.Start(PersonId, D("2026-07-15")).PlannedReminders(null!));

    // ---- Reconcile ----

    [Fact]
    public void A_new_schedule_adds_its_two_reminders()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);

        var added = person.Replan();

        Assert.Equal(2, added.Count);
        Assert.All(added, r =>
        {
            Assert.Equal(PersonId, r.PersonId);
            Assert.Equal(ReminderState.Pending, r.State);
            Assert.Equal(D("2027-11-22"), r.ForDate);
            Assert.Equal(0, r.Attempts);
            Assert.Null(r.SentAtUtc);
        });
        Assert.Equal([(ReminderKind.ReviewSoon, UtcTime("2027-11-08T09:00:00Z")), (ReminderKind.ReviewToday, UtcTime("2027-11-22T09:00:00Z"))], added.Select(r => (r.Kind, r.SendAtUtc)));
    }

    [Fact]
    public void Planning_the_same_again_adds_and_changes_nothing()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        var before = person.Snapshot();

        person.Clock.Advance(TimeSpan.FromDays(30));
        var added = person.Replan();
        var addedAgain = person.Replan();

        Assert.Empty(added);
        Assert.Empty(addedAgain);
        Assert.Equal(before, person.Snapshot());
    }

    [Fact]
    public void A_cadence_change_that_moves_the_review_cancels_the_old_reminders_and_adds_new_ones()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        person.Clock.SetTo(Utc("2027-01-22T10:00:00Z"));

        person.Schedule.ChangeCadence(ReviewCadence.Quarterly, person.Today);
        var added = person.Replan();

        Assert.Equal(
            [
                (ReminderKind.ReviewSoon, D("2027-11-22"), ReminderState.Cancelled, UtcTime("2027-11-08T09:00:00Z")),
                (ReminderKind.ReviewToday, D("2027-11-22"), ReminderState.Cancelled, UtcTime("2027-11-22T09:00:00Z")),
                (ReminderKind.ReviewSoon, D("2027-02-22"), ReminderState.Pending, UtcTime("2027-02-08T09:00:00Z")),
                (ReminderKind.ReviewToday, D("2027-02-22"), ReminderState.Pending, UtcTime("2027-02-22T09:00:00Z")),
            ],
            person.Snapshot());
        Assert.Equal(2, added.Count);
    }

    [Fact]
    public void Changing_back_brings_the_cancelled_reminders_back_at_their_new_times_without_duplicates()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        person.Clock.SetTo(Utc("2027-01-22T10:00:00Z"));
        person.Schedule.ChangeCadence(ReviewCadence.Quarterly, person.Today);
        person.Replan();

        // Meanwhile they moved to New York, and they change back to yearly.
        person.Clock.SetTo(Utc("2027-01-25T15:00:00Z"));
        person.Zone = Zone("America/New_York");
        person.Schedule.ChangeCadence(ReviewCadence.Yearly, person.Today);
        var added = person.Replan();

        Assert.Empty(added);
        Assert.Equal(
            [
                (ReminderKind.ReviewSoon, D("2027-11-22"), ReminderState.Pending, UtcTime("2027-11-08T14:00:00Z")),
                (ReminderKind.ReviewToday, D("2027-11-22"), ReminderState.Pending, UtcTime("2027-11-22T14:00:00Z")),
                (ReminderKind.ReviewSoon, D("2027-02-22"), ReminderState.Cancelled, UtcTime("2027-02-08T09:00:00Z")),
                (ReminderKind.ReviewToday, D("2027-02-22"), ReminderState.Cancelled, UtcTime("2027-02-22T09:00:00Z")),
            ],
            person.Snapshot());
        person.AssertUniquePerKindAndDate();
    }

    [Fact]
    public void Changing_the_cadence_back_and_forth_keeps_one_row_per_kind_and_date()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        for (var i = 0; i < 5; i++)
        {
            person.Clock.Advance(TimeSpan.FromDays(1));
            person.Schedule.ChangeCadence(ReviewCadence.HalfYearly, person.Today);
            person.Replan();
            person.Schedule.ChangeCadence(ReviewCadence.Yearly, person.Today);
            person.Replan();
        }

        Assert.Equal(4, person.Rows.Count);
        Assert.Equal(2, person.Rows.Count(r => r.State == ReminderState.Pending && r.ForDate == D("2027-11-22")));
        person.AssertUniquePerKindAndDate();
    }

    [Fact]
    public void A_sent_reminder_is_never_planned_again_or_changed()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        person.Clock.SetTo(Utc("2027-11-08T09:00:05Z"));
        var soon = person.Row(ReminderKind.ReviewSoon, "2027-11-22");
        soon.MarkSent(person.Clock.GetUtcNow());

        // A shorter lead time would want it on the 15th: it has gone, so it stays as it was.
        person.Clock.SetTo(Utc("2027-11-10T12:00:00Z"));
        person.Schedule.SetReminders(remindersOn: true, leadDays: 7, digestOn: true);
        Assert.Empty(person.Replan());
        Assert.Equal((ReminderState.Sent, UtcTime("2027-11-08T09:00:00Z"), UtcTime("2027-11-08T09:00:05Z")), (soon.State, soon.SendAtUtc, soon.SentAtUtc));

        // Nor does turning reminders off, moving zone or moving the review touch it.
        person.Schedule.StopReminders();
        person.Replan();
        person.Zone = Zone("Pacific/Auckland");
        person.Schedule.SetReminders(remindersOn: true, leadDays: 14, digestOn: true);
        person.Replan();
        person.Schedule.ChangeCadence(ReviewCadence.Quarterly, person.Today);
        person.Replan();
        person.Schedule.ChangeCadence(ReviewCadence.Yearly, person.Today);
        person.Replan();

        Assert.Equal((ReminderState.Sent, UtcTime("2027-11-08T09:00:00Z"), UtcTime("2027-11-08T09:00:05Z")), (soon.State, soon.SendAtUtc, soon.SentAtUtc));
        Assert.Equal(ReminderState.Pending, person.Row(ReminderKind.ReviewToday, "2027-11-22").State);
        Assert.Equal(UtcTime("2027-11-21T20:00:00Z"), person.Row(ReminderKind.ReviewToday, "2027-11-22").SendAtUtc);
        person.AssertUniquePerKindAndDate();
    }

    [Fact]
    public void Only_a_pending_reminder_can_be_marked_sent()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        var soon = person.Row(ReminderKind.ReviewSoon, "2027-11-22");
        soon.MarkSent(Utc("2027-11-08T09:00:00Z"));
        person.Schedule.StopReminders();
        person.Replan();
        var onTheDay = person.Row(ReminderKind.ReviewToday, "2027-11-22");

        Assert.Throws<InvalidOperationException>(() => soon.MarkSent(Utc("2027-11-08T09:01:00Z")));
        Assert.Throws<InvalidOperationException>(() => onTheDay.MarkSent(Utc("2027-11-22T09:00:00Z")));
        Assert.Equal(ReminderState.Cancelled, onTheDay.State);
    }

    [Fact]
    public void Turning_reminders_off_cancels_every_pending_one_and_turning_them_on_brings_them_back()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        person.Clock.SetTo(Utc("2027-03-01T10:00:00Z"));

        person.Schedule.SetReminders(remindersOn: false, leadDays: 14, digestOn: true);
        Assert.Empty(person.Replan());
        Assert.All(person.Rows, r => Assert.Equal(ReminderState.Cancelled, r.State));

        person.Schedule.SetReminders(remindersOn: true, leadDays: 14, digestOn: true);
        Assert.Empty(person.Replan());
        Assert.All(person.Rows, r => Assert.Equal(ReminderState.Pending, r.State));
        Assert.Equal(2, person.Rows.Count);
    }

    [Fact]
    public void A_pending_reminder_that_is_overdue_because_nothing_sent_it_stays_pending_while_it_is_still_wanted()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        var soon = person.Row(ReminderKind.ReviewSoon, "2027-11-22");

        // The dispatcher was down at 09:00 on the 8th; at noon the person changes something unrelated.
        person.Clock.SetTo(Utc("2027-11-08T12:00:00Z"));
        person.Schedule.SetReminders(remindersOn: true, leadDays: 14, digestOn: false);
        Assert.Empty(person.Replan());
        Assert.Equal((ReminderState.Pending, UtcTime("2027-11-08T09:00:00Z")), (soon.State, soon.SendAtUtc));

        // They move from London to Lisbon (the same clock in November): still pending, still late.
        person.Zone = Zone("Europe/Lisbon");
        Assert.Empty(person.Replan());
        Assert.Equal((ReminderState.Pending, UtcTime("2027-11-08T09:00:00Z")), (soon.State, soon.SendAtUtc));

        // To New York: its time is still to come there, so it waits for it.
        person.Zone = Zone("America/New_York");
        person.Replan();
        Assert.Equal((ReminderState.Pending, UtcTime("2027-11-08T14:00:00Z")), (soon.State, soon.SendAtUtc));
    }

    [Fact]
    public void An_overdue_pending_reminder_that_is_no_longer_wanted_is_cancelled()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        person.Clock.SetTo(Utc("2027-11-08T12:00:00Z"));

        person.Schedule.Reviewed(person.Today);
        person.Replan();

        Assert.Equal(ReminderState.Cancelled, person.Row(ReminderKind.ReviewSoon, "2027-11-22").State);
    }

    [Fact]
    public void A_change_that_makes_the_review_due_today_after_nine_sends_nothing_at_once()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        person.Clock.SetTo(Utc("2027-09-22T10:00:00Z")); // 11:00 BST

        person.Schedule.ChangeCadence(ReviewCadence.Quarterly, person.Today);
        var added = person.Replan();

        Assert.Equal(D("2027-09-22"), person.Schedule.NextReviewOn);
        Assert.Empty(added); // both 09:00 on 8 September and 09:00 today have passed
        Assert.All(person.Rows, r => Assert.Equal(ReminderState.Cancelled, r.State));
    }

    [Fact]
    public void A_change_that_makes_the_review_due_today_before_nine_still_reminds_at_nine()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        person.Clock.SetTo(Utc("2027-09-22T07:00:00Z")); // 08:00 BST

        person.Schedule.ChangeCadence(ReviewCadence.Quarterly, person.Today);
        var added = person.Replan();

        Assert.Equal([(ReminderKind.ReviewToday, D("2027-09-22"), UtcTime("2027-09-22T08:00:00Z"))], added.Select(r => (r.Kind, r.ForDate, r.SendAtUtc)));
    }

    [Fact]
    public void A_longer_lead_time_that_has_already_passed_is_not_sent_at_once()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        var soon = person.Row(ReminderKind.ReviewSoon, "2027-11-22");
        person.Clock.SetTo(Utc("2027-11-01T10:00:00Z"));

        // Thirty days before is 23 October, gone: the reminder still to come on the 8th is cancelled, not fired now.
        person.Schedule.SetReminders(remindersOn: true, leadDays: 30, digestOn: true);
        person.Replan();

        Assert.Equal(ReminderState.Cancelled, soon.State);
        Assert.Equal(ReminderState.Pending, person.Row(ReminderKind.ReviewToday, "2027-11-22").State);
        Assert.Equal(2, person.Rows.Count);
    }

    [Fact]
    public void A_wanted_reminder_whose_time_has_passed_is_not_added()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        person.Clock.SetTo(Utc("2027-01-22T10:00:00Z"));
        person.Schedule.SetReminders(remindersOn: true, leadDays: 60, digestOn: true);

        person.Schedule.ChangeCadence(ReviewCadence.Quarterly, person.Today); // 22 February; 60 days before is in December
        var added = person.Replan();

        Assert.Equal([(ReminderKind.ReviewToday, D("2027-02-22"))], added.Select(r => (r.Kind, r.ForDate)));
    }

    [Fact]
    public void A_cancelled_reminder_whose_time_has_passed_is_not_brought_back()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        person.Clock.SetTo(Utc("2027-11-01T10:00:00Z"));
        person.Schedule.StopReminders();
        person.Replan();

        person.Clock.SetTo(Utc("2027-11-10T10:00:00Z"));
        person.Schedule.SetReminders(remindersOn: true, leadDays: 14, digestOn: true);
        person.Replan();

        Assert.Equal(ReminderState.Cancelled, person.Row(ReminderKind.ReviewSoon, "2027-11-22").State);
        Assert.Equal(ReminderState.Pending, person.Row(ReminderKind.ReviewToday, "2027-11-22").State);
    }

    [Fact]
    public void A_time_zone_change_moves_the_pending_reminders()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        person.Clock.SetTo(Utc("2027-06-01T10:00:00Z"));

        person.Zone = Zone("Pacific/Auckland");
        var added = person.Replan();

        Assert.Empty(added);
        Assert.Equal(
            [
                (ReminderKind.ReviewSoon, D("2027-11-22"), ReminderState.Pending, UtcTime("2027-11-07T20:00:00Z")),
                (ReminderKind.ReviewToday, D("2027-11-22"), ReminderState.Pending, UtcTime("2027-11-21T20:00:00Z")),
            ],
            person.Snapshot());
    }

    [Fact]
    public void A_time_zone_change_that_puts_a_pending_reminder_in_the_past_cancels_it_rather_than_firing_it()
    {
        var person = Person.SignedUpAt("2026-11-22T20:00:00Z", Zone("Pacific/Pago_Pago")); // 09:00 there
        person.Replan();
        var onTheDay = person.Row(ReminderKind.ReviewToday, "2027-11-22");
        Assert.Equal(UtcTime("2027-11-22T20:00:00Z"), onTheDay.SendAtUtc);

        // 19:30 UTC on the 21st: 08:30 on the 21st in Pago Pago, but already 09:30 on the 22nd in Kiritimati.
        person.Clock.SetTo(Utc("2027-11-21T19:30:00Z"));
        person.Zone = Zone("Pacific/Kiritimati");
        person.Replan();

        Assert.Equal(ReminderState.Cancelled, onTheDay.State);
    }

    [Fact]
    public void A_review_done_early_cancels_its_reminders_and_plans_the_next_ones()
    {
        var person = Person.SignedUpAt("2026-11-22T10:00:00Z", London);
        person.Replan();
        person.Clock.SetTo(Utc("2027-11-10T18:00:00Z"));
        person.Row(ReminderKind.ReviewSoon, "2027-11-22").MarkSent(Utc("2027-11-08T09:00:00Z"));

        person.Schedule.Reviewed(person.Today);
        var added = person.Replan();

        Assert.Equal(
            [
                (ReminderKind.ReviewSoon, D("2027-11-22"), ReminderState.Sent, UtcTime("2027-11-08T09:00:00Z")),
                (ReminderKind.ReviewToday, D("2027-11-22"), ReminderState.Cancelled, UtcTime("2027-11-22T09:00:00Z")),
                (ReminderKind.ReviewSoon, D("2028-11-10"), ReminderState.Pending, UtcTime("2028-10-27T08:00:00Z")),
                (ReminderKind.ReviewToday, D("2028-11-10"), ReminderState.Pending, UtcTime("2028-11-10T09:00:00Z")),
            ],
            person.Snapshot());
        Assert.Equal(2, added.Count);
    }

    [Fact]
    public void Digest_rows_are_never_touched()
    {
        var digest = Reminder.Plan(PersonId, new PlannedReminder(ReminderKind.MilestoneDigest, D("2027-03-01"), Utc("2027-03-01T09:00:00Z")));
        var sentDigest = Reminder.Plan(PersonId, new PlannedReminder(ReminderKind.MilestoneDigest, D("2027-02-22"), Utc("2027-02-22T09:00:00Z")));
        sentDigest.MarkSent(Utc("2027-02-22T09:00:00Z"));
        var schedule = ReviewSchedule.Start(PersonId, D("2026-11-22"));

        var added = Reminder.Reconcile(PersonId, [digest, sentDigest], schedule.PlannedReminders(Zone("America/New_York")), Utc("2027-02-25T10:00:00Z"));
        var addedWithRemindersOff = Reminder.Reconcile(PersonId, [digest, sentDigest], [], Utc("2027-02-25T10:00:00Z"));

        Assert.Equal(2, added.Count);
        Assert.DoesNotContain(added, r => r.Kind == ReminderKind.MilestoneDigest);
        Assert.Empty(addedWithRemindersOff);
        Assert.Equal((ReminderState.Pending, UtcTime("2027-03-01T09:00:00Z")), (digest.State, digest.SendAtUtc));
        Assert.Equal(ReminderState.Sent, sentDigest.State);
    }

    [Fact]
    public void Reconcile_needs_the_rows_and_the_plan()
    {
        Assert.Throws<ArgumentNullException>(() => Reminder.Reconcile(PersonId, null!, [], Utc("2027-01-01T00:00:00Z")));
        Assert.Throws<ArgumentNullException>(() => Reminder.Reconcile(PersonId, [], null!, Utc("2027-01-01T00:00:00Z")));
    }

    /// <summary>A clock the tests move by hand, as the web tests' one.</summary>
    private sealed class FakeClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void SetTo(DateTimeOffset instant) => _now = instant;

        public void Advance(TimeSpan by) => _now += by;
    }

    /// <summary>
    /// One person's schedule and reminder rows, replanned the way the web app's ReviewPlanning does it: it reads only
    /// the review rows still pending and any for the schedule's date, and adds what Reconcile returns.
    /// </summary>
    private sealed class Person
    {
        private Person(FakeClock clock, TimeZoneInfo zone)
        {
            Clock = clock;
            Zone = zone;
            Schedule = ReviewSchedule.Start(PersonId, Today);
        }

        public FakeClock Clock { get; }

        public TimeZoneInfo Zone { get; set; }

        public ReviewSchedule Schedule { get; }

        public List<Reminder> Rows { get; } = [];

        public DateOnly Today => PersonalDate.Today(Clock.GetUtcNow(), Zone);

        public static Person SignedUpAt(string instant, TimeZoneInfo zone) => new(new FakeClock(Utc(instant)), zone);

        public IReadOnlyList<Reminder> Replan()
        {
            var next = Schedule.NextReviewOn;
            var read = Rows.Where(r => r.Kind != ReminderKind.MilestoneDigest && (r.State == ReminderState.Pending || r.ForDate == next)).ToList();
            var added = Reminder.Reconcile(PersonId, read, Schedule.PlannedReminders(Zone), Clock.GetUtcNow());
            Rows.AddRange(added);
            AssertUniquePerKindAndDate();
            return added;
        }

        public Reminder Row(ReminderKind kind, string forDate) => Rows.Single(r => r.Kind == kind && r.ForDate == D(forDate));

        public List<(ReminderKind Kind, DateOnly ForDate, ReminderState State, DateTime SendAtUtc)> Snapshot() =>
            [.. Rows.Select(r => (r.Kind, r.ForDate, r.State, r.SendAtUtc))];

        /// <summary>The table's unique index: one row per (person, date, kind).</summary>
        public void AssertUniquePerKindAndDate() =>
            Assert.All(Rows.GroupBy(r => (r.Kind, r.ForDate)), group => Assert.Single(group));
    }
}
