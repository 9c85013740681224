using System.Globalization;
using CareerCompass.Domain.Common;
using CareerCompass.Domain.Reviews;

namespace CareerCompass.Domain.Tests.Reviews;

public sealed class ReviewScheduleTests
{
    private static readonly DateOnly SignedUp = new(2026, 11, 22);

    private static DateOnly D(string date) => DateOnly.Parse(date, CultureInfo.InvariantCulture);

    private static ReviewSchedule Started(DateOnly on, ReviewCadence cadence = ReviewCadence.Yearly)
    {
        var schedule = ReviewSchedule.Start("owner", on);
        schedule.ChangeCadence(cadence, on);
        return schedule;
    }

    [Fact]
    public void The_first_review_is_a_year_after_sign_up()
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);

        Assert.Equal(ReviewCadence.Yearly, schedule.Cadence);
        Assert.Equal(SignedUp, schedule.StartedOn);
        Assert.Null(schedule.LastReviewedOn);
        Assert.Equal(new DateOnly(2027, 11, 22), schedule.NextReviewOn);
    }

    [Fact]
    public void A_new_schedule_reminds_two_weeks_ahead_and_sends_the_digest()
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);

        Assert.Equal(ReviewSchedule.DefaultLeadDays, schedule.LeadDays);
        Assert.Equal(14, schedule.LeadDays);
        Assert.True(schedule.RemindersOn);
        Assert.True(schedule.DigestOn);
    }

    [Fact]
    public void A_schedule_belongs_to_someone() =>
        Assert.Throws<ArgumentException>(() => ReviewSchedule.Start(" ", SignedUp));

    [Theory]
    [InlineData(ReviewCadence.Yearly, "2026-11-22", "2027-11-22")]
    [InlineData(ReviewCadence.HalfYearly, "2026-11-22", "2027-05-22")]
    [InlineData(ReviewCadence.Quarterly, "2026-11-22", "2027-02-22")]
    // A month without the day: its last day.
    [InlineData(ReviewCadence.HalfYearly, "2026-08-31", "2027-02-28")]
    [InlineData(ReviewCadence.HalfYearly, "2027-08-31", "2028-02-29")] // 2028 is a leap year
    [InlineData(ReviewCadence.Yearly, "2028-02-29", "2029-02-28")]
    [InlineData(ReviewCadence.Yearly, "2027-02-28", "2028-02-28")] // not pushed on to the 29th
    [InlineData(ReviewCadence.Quarterly, "2026-11-30", "2027-02-28")]
    [InlineData(ReviewCadence.Quarterly, "2027-11-30", "2028-02-29")]
    [InlineData(ReviewCadence.Quarterly, "2027-01-31", "2027-04-30")]
    [InlineData(ReviewCadence.Quarterly, "2026-12-31", "2027-03-31")]
    [InlineData(ReviewCadence.HalfYearly, "2028-02-29", "2028-08-29")]
    [InlineData(ReviewCadence.Yearly, "2026-12-31", "2027-12-31")]
    public void A_cadence_after_a_date_is_the_same_day_of_the_month_or_the_months_last_day(ReviewCadence cadence, string from, string expected) =>
        Assert.Equal(D(expected), cadence.After(D(from)));

    [Fact]
    public void An_unknown_cadence_has_no_length() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ((ReviewCadence)99).Months());

    [Fact]
    public void Signing_up_on_the_29th_of_february_the_first_review_is_the_28th_a_year_later() =>
        Assert.Equal(new DateOnly(2029, 2, 28), ReviewSchedule.Start("owner", new DateOnly(2028, 2, 29)).NextReviewOn);

    [Theory]
    [InlineData("2026-08-31", "2027-02-28")]
    [InlineData("2027-08-31", "2028-02-29")]
    public void Half_yearly_from_the_31st_of_august_is_the_end_of_february(string signedUp, string expected) =>
        Assert.Equal(D(expected), Started(D(signedUp), ReviewCadence.HalfYearly).NextReviewOn);

    [Fact]
    public void Yearly_reviews_done_on_the_day_keep_their_date()
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);
        var dates = new List<DateOnly>();
        for (var i = 0; i < 3; i++)
        {
            schedule.Reviewed(schedule.NextReviewOn);
            dates.Add(schedule.NextReviewOn);
        }

        Assert.Equal([D("2028-11-22"), D("2029-11-22"), D("2030-11-22")], dates);
    }

    [Fact]
    public void Yearly_reviews_from_the_29th_of_february_settle_on_the_28th_and_stay_there()
    {
        var schedule = ReviewSchedule.Start("owner", new DateOnly(2028, 2, 29));
        var dates = new List<DateOnly> { schedule.NextReviewOn };
        for (var i = 0; i < 3; i++)
        {
            schedule.Reviewed(schedule.NextReviewOn);
            dates.Add(schedule.NextReviewOn);
        }

        // Each review is dated from the day it was done, so after 28 February the 29th isn't taken back in 2032.
        Assert.Equal([D("2029-02-28"), D("2030-02-28"), D("2031-02-28"), D("2032-02-28")], dates);
    }

    [Fact]
    public void Quarterly_reviews_done_on_the_day_for_three_years_lose_at_most_the_days_of_one_short_month()
    {
        var schedule = Started(new DateOnly(2026, 8, 31), ReviewCadence.Quarterly);
        var dates = new List<DateOnly> { schedule.NextReviewOn };
        while (dates.Count < 12)
        {
            schedule.Reviewed(schedule.NextReviewOn);
            dates.Add(schedule.NextReviewOn);
        }

        // 31 August → 30 November → 28 February, then the 28th for good: never later into the month, never a
        // second slide.
        Assert.Equal(
            [
                D("2026-11-30"), D("2027-02-28"), D("2027-05-28"), D("2027-08-28"),
                D("2027-11-28"), D("2028-02-28"), D("2028-05-28"), D("2028-08-28"),
                D("2028-11-28"), D("2029-02-28"), D("2029-05-28"), D("2029-08-28"),
            ],
            dates);
        Assert.All(dates.Zip(dates.Skip(1)), pair => Assert.Equal(pair.First.AddMonths(3), pair.Second));
    }

    [Fact]
    public void Half_yearly_reviews_done_on_the_day_from_the_31st_of_august()
    {
        var schedule = Started(new DateOnly(2026, 8, 31), ReviewCadence.HalfYearly);
        var dates = new List<DateOnly> { schedule.NextReviewOn };
        while (dates.Count < 6)
        {
            schedule.Reviewed(schedule.NextReviewOn);
            dates.Add(schedule.NextReviewOn);
        }

        Assert.Equal([D("2027-02-28"), D("2027-08-28"), D("2028-02-28"), D("2028-08-28"), D("2029-02-28"), D("2029-08-28")], dates);
    }

    [Fact]
    public void Changing_to_quarterly_two_months_after_sign_up_dates_the_review_three_months_after_it()
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);

        schedule.ChangeCadence(ReviewCadence.Quarterly, SignedUp.AddMonths(2));

        Assert.Equal(ReviewCadence.Quarterly, schedule.Cadence);
        Assert.Equal(new DateOnly(2027, 2, 22), schedule.NextReviewOn);
    }

    [Fact]
    public void Changing_to_quarterly_ten_months_after_sign_up_makes_the_review_due_today_rather_than_overdue()
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);
        var today = SignedUp.AddMonths(10);

        schedule.ChangeCadence(ReviewCadence.Quarterly, today);

        Assert.Equal(today, schedule.NextReviewOn);
        Assert.True(schedule.IsDue(today));
        Assert.Equal(0, schedule.DaysUntilReview(today));
    }

    [Fact]
    public void Changing_the_cadence_on_the_day_the_new_rhythm_falls_makes_it_that_day()
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);

        schedule.ChangeCadence(ReviewCadence.Quarterly, new DateOnly(2027, 2, 22));

        Assert.Equal(new DateOnly(2027, 2, 22), schedule.NextReviewOn);
    }

    [Fact]
    public void Changing_back_to_yearly_dates_the_review_a_year_after_sign_up_again()
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);
        schedule.ChangeCadence(ReviewCadence.Quarterly, SignedUp.AddMonths(10));

        schedule.ChangeCadence(ReviewCadence.Yearly, SignedUp.AddMonths(10));

        Assert.Equal(ReviewCadence.Yearly, schedule.Cadence);
        Assert.Equal(new DateOnly(2027, 11, 22), schedule.NextReviewOn);
        Assert.False(schedule.IsDue(SignedUp.AddMonths(10)));
    }

    [Fact]
    public void After_a_review_a_new_cadence_is_dated_from_that_review()
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);
        schedule.Reviewed(new DateOnly(2027, 11, 20));

        schedule.ChangeCadence(ReviewCadence.HalfYearly, new DateOnly(2027, 12, 1));

        Assert.Equal(new DateOnly(2028, 5, 20), schedule.NextReviewOn);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(-1)]
    public void An_unknown_cadence_is_refused_and_changes_nothing(int cadence)
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);

        var error = Assert.Throws<DomainRuleException>(() => schedule.ChangeCadence((ReviewCadence)cadence, SignedUp.AddMonths(2)));

        Assert.Equal(nameof(ReviewSchedule.Cadence), error.Field);
        Assert.Equal(ReviewCadence.Yearly, schedule.Cadence);
        Assert.Equal(new DateOnly(2027, 11, 22), schedule.NextReviewOn);
    }

    [Fact]
    public void A_review_done_early_dates_the_next_a_cadence_after_the_day_it_was_done()
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);
        var today = new DateOnly(2027, 10, 1);
        Assert.False(schedule.IsDue(today));

        schedule.Reviewed(today);

        Assert.Equal(today, schedule.LastReviewedOn);
        Assert.Equal(new DateOnly(2028, 10, 1), schedule.NextReviewOn);
    }

    [Fact]
    public void A_review_done_late_dates_the_next_a_cadence_after_the_day_it_was_done()
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);
        schedule.ChangeCadence(ReviewCadence.Quarterly, SignedUp);

        schedule.Reviewed(new DateOnly(2027, 3, 15));

        Assert.Equal(new DateOnly(2027, 6, 15), schedule.NextReviewOn);
    }

    [Theory]
    [InlineData("2027-11-08", false, 14)]
    [InlineData("2027-11-21", false, 1)]
    [InlineData("2027-11-22", true, 0)]
    [InlineData("2027-11-25", true, -3)]
    [InlineData("2028-11-22", true, -366)] // 2028 is a leap year
    public void A_review_is_due_from_its_date_on(string today, bool due, int daysUntil)
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);

        Assert.Equal(due, schedule.IsDue(D(today)));
        Assert.Equal(daysUntil, schedule.DaysUntilReview(D(today)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(14)]
    [InlineData(ReviewSchedule.MaxLeadDays)]
    public void A_lead_time_from_0_to_60_days_is_kept(int leadDays)
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);

        schedule.SetReminders(remindersOn: false, leadDays, digestOn: false);

        Assert.Equal(leadDays, schedule.LeadDays);
        Assert.False(schedule.RemindersOn);
        Assert.False(schedule.DigestOn);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(61)]
    [InlineData(int.MaxValue)]
    public void A_lead_time_outside_0_to_60_days_is_refused_and_changes_nothing(int leadDays)
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);

        var error = Assert.Throws<DomainRuleException>(() => schedule.SetReminders(remindersOn: false, leadDays, digestOn: false));

        Assert.Equal(nameof(ReviewSchedule.LeadDays), error.Field);
        Assert.Equal(14, schedule.LeadDays);
        Assert.True(schedule.RemindersOn);
        Assert.True(schedule.DigestOn);
    }

    [Fact]
    public void Reminders_and_the_digest_stop_separately()
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);

        schedule.StopReminders();
        Assert.False(schedule.RemindersOn);
        Assert.True(schedule.DigestOn);

        schedule.StopDigest();
        Assert.False(schedule.DigestOn);
        Assert.Equal(14, schedule.LeadDays);
    }

    [Fact]
    public void The_calendar_token_is_a_url_safe_secret_that_renewing_replaces()
    {
        var schedule = ReviewSchedule.Start("owner", SignedUp);
        var first = schedule.CalendarToken;

        schedule.RenewCalendarToken();

        Assert.NotEqual(first, schedule.CalendarToken);
        Assert.All(new[] { first, schedule.CalendarToken }, token =>
        {
            Assert.Equal(ReviewSchedule.TokenLength, token.Length);
            Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' in {token}"));
        });
    }
}
