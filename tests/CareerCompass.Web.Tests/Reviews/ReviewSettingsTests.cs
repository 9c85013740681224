using System.Net;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Reviews;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Reviews;

/// <summary>
/// Review cadence and reminders in /Settings, the next review date on the dashboard, the "review due" banner, and
/// turning reminders off from the link in a reminder (GET asks, POST acts, RFC 8058 one-click POST acts).
/// </summary>
public sealed class ReviewSettingsTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private Task<ReviewSchedule> ScheduleAsync(string email) => app.ReadAsync(async db =>
    {
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.ReviewSchedules.AsNoTracking().SingleAsync(s => s.OwnerId == id);
    });

    private Task<List<Reminder>> RemindersAsync(string email) => app.ReadAsync(async db =>
    {
        var id = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return await db.Reminders.AsNoTracking().Where(r => r.PersonId == id).OrderBy(r => r.SendAtUtc).ToListAsync();
    });

    [Fact]
    public async Task A_new_account_reviews_yearly_from_sign_up_with_two_reminders_planned_and_the_date_on_the_dashboard()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("yearly", "Europe/London");

        var schedule = await ScheduleAsync(email);
        var reminders = await RemindersAsync(email);
        var dashboard = await browser.GetAsync("/");

        Assert.Equal(ReviewCadence.Yearly, schedule.Cadence);
        Assert.Equal(new DateOnly(2027, 11, 22), schedule.NextReviewOn);
        Assert.Equal([ReminderKind.ReviewSoon, ReminderKind.ReviewToday], reminders.Select(r => r.Kind));
        Assert.Equal(new DateTime(2027, 11, 8, 9, 0, 0), reminders[0].SendAtUtc); // 09:00 in London, on GMT
        Assert.Contains("Your next review is on Monday 22 November 2027 (in 365 days).", dashboard.Text, StringComparison.Ordinal);
        Assert.Null(dashboard.Document.QuerySelector("#review-due"));
        browser.Dispose();
    }

    [Fact]
    public async Task Choosing_quarterly_moves_the_review_and_its_reminders_and_says_when()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("quarterly", "America/New_York");
        var settings = await browser.GetAsync("/Settings");

        var saved = await browser.SubmitAsync(settings, "#reviews-form", new Dictionary<string, string>
        {
            ["Reviews.Cadence"] = nameof(ReviewCadence.Quarterly),
            ["Reviews.LeadDays"] = "7",
        });

        var schedule = await ScheduleAsync(email);
        var reminders = await RemindersAsync(email);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(ReviewCadence.Quarterly, schedule.Cadence);
        Assert.Equal(new DateOnly(2027, 2, 22), schedule.NextReviewOn);
        Assert.Contains("Saved. Your next review is on Monday 22 February 2027. We'll remind you 7 days before, and on the day.", saved.Text, StringComparison.Ordinal);
        var pending = reminders.Where(r => r.State == ReminderState.Pending).ToList();
        Assert.Equal([new DateTime(2027, 2, 15, 14, 0, 0), new DateTime(2027, 2, 22, 14, 0, 0)], pending.Select(r => r.SendAtUtc));
        Assert.Equal(2, reminders.Count(r => r.ForDate == new DateOnly(2027, 11, 22)));
        Assert.All(reminders.Where(r => r.ForDate == new DateOnly(2027, 11, 22)), r => Assert.Equal(ReminderState.Cancelled, r.State));
        Assert.NotNull(saved.Document.QuerySelector("#Reviews_Cadence_Quarterly[checked]"));
        browser.Dispose();
    }

    [Fact]
    public async Task Moving_to_another_time_zone_moves_the_reminders_to_nine_on_the_new_clock()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("zone", "Europe/London");

        await browser.SubmitAsync(await browser.GetAsync("/Settings"), "#time-zone-form", new Dictionary<string, string> { ["Zone.Id"] = "Asia/Tokyo" });

        var pending = (await RemindersAsync(email)).Where(r => r.State == ReminderState.Pending).ToList();
        Assert.Equal([new DateTime(2027, 11, 8, 0, 0, 0), new DateTime(2027, 11, 22, 0, 0, 0)], pending.Select(r => r.SendAtUtc));
        browser.Dispose();
    }

    [Theory]
    [InlineData("Monthly", "7", "Please choose how often you'd like to review.")]
    [InlineData("Yearly", "61", "Please choose between 0 and 60 days.")]
    [InlineData("Yearly", "-1", "Please choose between 0 and 60 days.")]
    [InlineData("Yearly", "soon", "Please enter a number of days from 0 to 60.")]
    public async Task Bad_settings_get_a_clear_message_next_to_the_field_and_nothing_changes(string cadence, string lead, string message)
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("bad", "UTC");
        var before = await ScheduleAsync(email);
        var settings = await browser.GetAsync("/Settings");

        var page = await browser.SubmitAsync(settings, "#reviews-form", new Dictionary<string, string> { ["Reviews.Cadence"] = cadence, ["Reviews.LeadDays"] = lead });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.Document.QuerySelector("#reviews-form")!.TextContent, StringComparison.Ordinal);
        var after = await ScheduleAsync(email);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(lead, page.Document.QuerySelector("#Reviews_LeadDays")!.GetAttribute("value"));
        browser.Dispose();
    }

    [Fact]
    public async Task A_second_tab_with_old_settings_is_refused_and_what_the_first_saved_stays()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("tabs", "UTC");
        var first = await browser.GetAsync("/Settings");
        var second = await browser.GetAsync("/Settings");
        await browser.SubmitAsync(first, "#reviews-form", new Dictionary<string, string> { ["Reviews.Cadence"] = "HalfYearly" });

        var refused = await browser.SubmitAsync(second, "#reviews-form", new Dictionary<string, string> { ["Reviews.Cadence"] = "Quarterly" });

        Assert.Contains("changed somewhere else", refused.Text, StringComparison.Ordinal);
        Assert.Equal(ReviewCadence.HalfYearly, (await ScheduleAsync(email)).Cadence);
        Assert.NotNull(refused.Document.QuerySelector("#Reviews_Cadence_HalfYearly[checked]"));
        browser.Dispose();
    }

    [Fact]
    public async Task When_the_review_date_comes_every_signed_in_page_shows_the_banner_and_the_reviews_pages_do_not()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("banner", "Pacific/Auckland");
        var settings = await browser.GetAsync("/Settings");
        await browser.SubmitAsync(settings, "#reviews-form", new Dictionary<string, string> { ["Reviews.Cadence"] = "Quarterly" });

        // 22 February 2027, 11:00 UTC: already the 23rd in Auckland — the day after the review date.
        app.Clock.SetTo(new DateTimeOffset(2027, 2, 22, 11, 0, 0, TimeSpan.Zero));
        await browser.SignInAsync(email); // three months on, the old sign-in has expired
        foreach (var path in new[] { "/", "/Goals", "/Reflection", "/Settings", "/Contacts" })
        {
            var page = await browser.GetAsync(path);
            var banner = page.Document.QuerySelector("#review-due");
            Assert.True(banner is not null, $"{path} shows the banner");
            Assert.Contains("It was due on Monday 22 February 2027", banner!.TextContent, StringComparison.Ordinal);
            Assert.Equal("/Reviews", banner.QuerySelector("a")!.GetAttribute("href"));
        }

        foreach (var path in new[] { "/Reviews", "/Reviews/Calendar" })
        {
            var page = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Null(page.Document.QuerySelector("#review-due"));
        }
        Assert.True((await ScheduleAsync(email)).IsDue(new DateOnly(2027, 2, 23)));
        browser.Dispose();
    }

    [Fact]
    public async Task Completing_a_due_review_clears_the_banner_at_once_moves_the_date_and_its_reminders()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("complete", "UTC");
        await browser.SubmitAsync(await browser.GetAsync("/Settings"), "#reviews-form", new Dictionary<string, string> { ["Reviews.Cadence"] = "Quarterly" });
        app.Clock.SetTo(new DateTimeOffset(2027, 2, 23, 10, 0, 0, TimeSpan.Zero));
        await browser.SignInAsync(email);
        Assert.NotNull((await browser.GetAsync("/")).Document.QuerySelector("#review-due"));

        var (_, reviewId) = await ReviewJourney.StartAsync(browser);
        await ReviewJourney.CompleteAsync(browser, reviewId);
        var home = await browser.GetAsync("/");

        Assert.Null(home.Document.QuerySelector("#review-due"));
        Assert.Contains("Your next review is on Sunday 23 May 2027", home.Text, StringComparison.Ordinal);
        var schedule = await ScheduleAsync(email);
        Assert.Equal(new DateOnly(2027, 2, 23), schedule.LastReviewedOn);
        var pending = (await RemindersAsync(email)).Where(r => r.State == ReminderState.Pending).ToList();
        Assert.Equal([new DateOnly(2027, 5, 23), new DateOnly(2027, 5, 23)], pending.Select(r => r.ForDate));
        browser.Dispose();
    }

    [Fact]
    public async Task The_link_in_a_reminder_asks_first_then_turns_review_reminders_off_and_cancels_the_ones_to_come()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("optout", "UTC");
        var link = await OptOutLinkAsync(email, ReminderList.Reviews);
        using var stranger = app.NewBrowser();

        var asked = await stranger.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, asked.Status);
        Assert.Contains("Turn off review reminders?", asked.Text, StringComparison.Ordinal);
        Assert.True((await ScheduleAsync(email)).RemindersOn); // opening the link changes nothing

        var done = await stranger.SubmitAsync(asked, "main form");
        Assert.Contains("Done — no more review reminders", done.Text, StringComparison.Ordinal);
        var schedule = await ScheduleAsync(email);
        Assert.False(schedule.RemindersOn);
        Assert.True(schedule.DigestOn);
        var rows = await RemindersAsync(email);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(ReminderState.Cancelled, r.State));
        browser.Dispose();
    }

    [Fact]
    public async Task A_mail_programs_one_click_post_turns_the_digest_off_without_a_form_or_sign_in()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("oneclick", "UTC");
        var link = await OptOutLinkAsync(email, ReminderList.Digest);
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

        using var response = await client.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var schedule = await ScheduleAsync(email);
        Assert.False(schedule.DigestOn);
        Assert.True(schedule.RemindersOn);
        browser.Dispose();
    }

    [Theory]
    [InlineData("/Reminders/Off")]
    [InlineData("/Reminders/Off?t=")]
    [InlineData("/Reminders/Off?t=not-a-token")]
    [InlineData("/Reminders/Off?t=CfDJ8AAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_missing_or_forged_link_is_not_found_and_changes_nothing(string path)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var get = await client.GetAsync(path);
        using var post = await client.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
    }

    [Fact]
    public async Task Settings_and_the_opt_out_page_are_valid_html()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("html", "UTC");
        var settings = await browser.GetAsync("/Settings");
        var optOut = await browser.GetAsync(await OptOutLinkAsync(email, ReminderList.Reviews));

        Assert.Equal(HttpStatusCode.OK, settings.Status);
        Assert.Equal(HttpStatusCode.OK, optOut.Status);
        Assert.Empty(settings.Errors);
        Assert.Single(settings.Document.QuerySelectorAll("label[for='Reviews_LeadDays']"));
        Assert.Equal(3, settings.Document.QuerySelectorAll("input[name='Reviews.Cadence']").Length);
        browser.Dispose();
    }

    private async Task<string> OptOutLinkAsync(string email, ReminderList list)
    {
        var id = await app.UserIdAsync(email);
        using var scope = app.Services.CreateScope();
        var token = scope.ServiceProvider.GetRequiredService<ReminderOptOut>().TokenFor(id, list);
        return $"/Reminders/Off?t={Uri.EscapeDataString(token)}";
    }
}
