using System.Net;
using CareerCompass.Domain.Goals;
using CareerCompass.Tests.Calendar;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Calendar;

public sealed class CalendarFeedTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    [Fact]
    public async Task The_download_has_the_persons_review_and_open_milestones_and_nobody_elses()
    {
        var (owner, email) = await app.NewSignedInPersonAsync("owner");
        var (other, otherEmail) = await app.NewSignedInPersonAsync("other");
        var ownerId = await app.UserIdAsync(email);
        var open = await SeedGoalAsync(ownerId, "Lead a team, by summer; \\ for real", GoalStatus.Draft, ("Enrol in the course", 30, MilestoneStatus.NotStarted), ("Ask Priya; mentor", 45, MilestoneStatus.InProgress), ("Already done", 10, MilestoneStatus.Done), ("Skipped it", 12, MilestoneStatus.Skipped));
        await SeedGoalAsync(ownerId, "An old goal", GoalStatus.Retired, ("Of a retired goal", 20, MilestoneStatus.NotStarted));
        await SeedGoalAsync(ownerId, "A goal reached", GoalStatus.Achieved, ("Of an achieved goal", 21, MilestoneStatus.NotStarted));
        await SeedGoalAsync(await app.UserIdAsync(otherEmail), "Someone else's goal", GoalStatus.Draft, ("Not the owner's", 15, MilestoneStatus.NotStarted));
        var schedule = await app.ReadAsync(db => db.ReviewSchedules.SingleAsync(s => s.OwnerId == ownerId));

        var response = await owner.Client.GetAsync(new Uri("/Reviews/calendar.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("careercompass.ics", response.Content.Headers.ContentDisposition.FileName);
        Assert.True(response.Headers.CacheControl!.NoStore);
        var ics = await response.Content.ReadAsStringAsync();
        var calendar = await IcalJs.ParseAsync(ics);

        Assert.Equal(("PUBLISH", "CareerCompass"), (calendar.Method, calendar.CalendarName));
        var milestoneIds = await app.ReadAsync(db => db.Milestones.Where(m => m.GoalId == open).ToDictionaryAsync(m => m.Title, m => m.Id));
        Assert.Equal(
            [
                ($"milestone-{milestoneIds["Enrol in the course"]}@localhost", "Milestone: Enrol in the course", "2026-12-22"),
                ($"milestone-{milestoneIds["Ask Priya; mentor"]}@localhost", "Milestone: Ask Priya; mentor", "2027-01-06"),
                ($"review-{schedule.Id}-{schedule.NextReviewOn:yyyyMMdd}@localhost", "Review your goals", schedule.NextReviewOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ],
            calendar.Events.Select(e => (e.Uid!, e.Summary!, e.Start!)).OrderBy(e => e.Item3, StringComparer.Ordinal).ToList());
        Assert.All(calendar.Events, e => Assert.Equal(("date", "date", "2026-11-22T09:00:00Z", true), (e.StartType, e.EndType, e.Dtstamp, e.DtstampIsUtc)));
        var enrol = calendar.Events.Single(e => e.Summary == "Milestone: Enrol in the course");
        Assert.Equal("2026-12-23", enrol.End);
        Assert.Equal($"http://localhost/Goals/{open}", enrol.Url);
        Assert.StartsWith("A step towards your goal: Lead a team, by summer; \\ for real\n", enrol.Description, StringComparison.Ordinal);
        Assert.Contains(@"Lead a team\, by summer\; \\ for real", ics, StringComparison.Ordinal); // escaped on the wire
        Assert.Equal("http://localhost/Reviews", calendar.Events.Single(e => e.Summary == "Review your goals").Url);
        Assert.DoesNotContain("Not the owner's", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Someone else", ics, StringComparison.Ordinal);

        // The other person's download is theirs alone.
        var others = await IcalJs.ParseAsync(await other.Client.GetStringAsync(new Uri("/Reviews/calendar.ics", UriKind.Relative)));
        Assert.Equal(["Milestone: Not the owner's", "Review your goals"], others.Events.Select(e => e.Summary!).Order(StringComparer.Ordinal));
        owner.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task Uids_stay_the_same_across_downloads_while_the_stamp_moves_with_the_clock()
    {
        var (owner, email) = await app.NewSignedInPersonAsync();
        await SeedGoalAsync(await app.UserIdAsync(email), "Grow", GoalStatus.Draft, ("Step one", 5, MilestoneStatus.NotStarted));

        var first = await IcalJs.ParseAsync(await owner.Client.GetStringAsync(new Uri("/Reviews/calendar.ics", UriKind.Relative)));
        app.Clock.Advance(TimeSpan.FromMinutes(3));
        var second = await IcalJs.ParseAsync(await owner.Client.GetStringAsync(new Uri("/Reviews/calendar.ics", UriKind.Relative)));
        app.Clock.Advance(TimeSpan.FromMinutes(-3));

        Assert.Equal(2, first.Events.Count);
        Assert.Equal(first.Events.Select(e => e.Uid), second.Events.Select(e => e.Uid));
        Assert.Equal(first.Events.Count, first.Events.Select(e => e.Uid).Distinct().Count());
        Assert.NotEqual(first.Events[0].Dtstamp, second.Events[0].Dtstamp);
        owner.Dispose();
    }

    [Fact]
    public async Task The_private_address_works_without_signing_in_and_a_new_one_makes_the_old_one_404()
    {
        var (owner, email) = await app.NewSignedInPersonAsync();
        await SeedGoalAsync(await app.UserIdAsync(email), "Grow", GoalStatus.Draft, ("Subscribed step", 5, MilestoneStatus.NotStarted));
        var page = await owner.GetAsync("/Reviews/Calendar");
        var oldAddress = page.Document.QuerySelector("#subscription-address")!.GetAttribute("value")!;
        Assert.StartsWith("http://localhost/calendar/", oldAddress, StringComparison.Ordinal);
        Assert.Equal("webcal" + oldAddress["http".Length..], page.Document.QuerySelector("#webcal-link")!.GetAttribute("href"));
        Assert.Equal("/Reviews/calendar.ics", page.Document.QuerySelector("#download-link")!.GetAttribute("href"));

        using var calendarApp = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var feed = await calendarApp.GetAsync(new Uri(oldAddress).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", feed.Content.Headers.ContentType!.ToString());
        Assert.True(feed.Headers.CacheControl!.NoStore);
        Assert.False(feed.Headers.Contains("Set-Cookie"), "a calendar app gets no cookie");
        var parsed = await IcalJs.ParseAsync(await feed.Content.ReadAsStringAsync());
        Assert.Contains(parsed.Events, e => e.Summary == "Milestone: Subscribed step");

        var renewed = await owner.SubmitAsync(page, "#renew-form");
        Assert.Contains("The old one has stopped working", renewed.Text, StringComparison.Ordinal);
        var newAddress = renewed.Document.QuerySelector("#subscription-address")!.GetAttribute("value")!;
        Assert.NotEqual(oldAddress, newAddress);

        var gone = await calendarApp.GetAsync(new Uri(oldAddress).PathAndQuery);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("find that page", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the friendly 404 page
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(new Uri(newAddress).PathAndQuery)).StatusCode);
        owner.Dispose();
    }

    [Fact]
    public async Task Another_persons_address_shows_only_that_persons_dates()
    {
        var (owner, ownerEmail) = await app.NewSignedInPersonAsync("owner");
        var (other, otherEmail) = await app.NewSignedInPersonAsync("other");
        await SeedGoalAsync(await app.UserIdAsync(ownerEmail), "Owner's goal", GoalStatus.Draft, ("Owner's step", 5, MilestoneStatus.NotStarted));
        await SeedGoalAsync(await app.UserIdAsync(otherEmail), "Other's goal", GoalStatus.Draft, ("Other's step", 6, MilestoneStatus.NotStarted));
        var otherId = await app.UserIdAsync(otherEmail);
        var otherToken = await app.ReadAsync(db => db.ReviewSchedules.Where(s => s.OwnerId == otherId).Select(s => s.CalendarToken).SingleAsync());

        // Fetched from the owner's signed-in browser: the token decides, not the cookie.
        var ics = await owner.Client.GetStringAsync(new Uri($"/calendar/{otherToken}.ics", UriKind.Relative));

        var parsed = await IcalJs.ParseAsync(ics);
        Assert.Equal(["Milestone: Other's step", "Review your goals"], parsed.Events.Select(e => e.Summary!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("Owner", ics, StringComparison.Ordinal);
        owner.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task The_private_address_reads_no_session_even_with_a_sign_in_cookie_and_a_wrong_shape_reads_nothing()
    {
        var (owner, email) = await app.NewSignedInPersonAsync();
        var ownerId = await app.UserIdAsync(email);
        var token = await app.ReadAsync(db => db.ReviewSchedules.Where(s => s.OwnerId == ownerId).Select(s => s.CalendarToken).SingleAsync());
        using var calendarApp = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        app.Queries.Reset();
        var feed = await owner.Client.GetAsync(new Uri($"/calendar/{token}.ics", UriKind.Relative));
        var feedQueries = app.Queries.Count;
        app.Queries.Reset();
        var wrong = await calendarApp.GetAsync(new Uri("/calendar/not-a-token.ics", UriKind.Relative));
        var wrongQueries = app.Queries.Count;

        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal(2, feedQueries); // the schedule by its token, then the open milestones: no session, no user
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(0, wrongQueries);
        owner.Dispose();
    }

    [Theory]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // 44 characters
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")] // 43, not base64url
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // the right shape, nobody's
    [InlineData("%2FAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Wrong_or_unknown_tokens_are_a_plain_404(string token)
    {
        using var calendarApp = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

        var response = await calendarApp.GetAsync(new Uri($"/calendar/{token}.ics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual("text/calendar", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_calendar_page_is_well_formed_labelled_and_free_of_inline_script_before_and_after_a_renewal()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();

        var page = await browser.GetAsync("/Reviews/Calendar");
        var renewed = await browser.SubmitAsync(page, "#renew-form");

        foreach (var shown in new[] { page, renewed })
        {
            HtmlChecks.AssertWellFormedAndLabelled(shown);
            Assert.All(shown.Document.QuerySelectorAll("script"), s => Assert.StartsWith("/", s.GetAttribute("src") ?? "inline script", StringComparison.Ordinal));
            Assert.Equal("Your private address", shown.Document.QuerySelector("label[for='subscription-address']")!.TextContent);
        }

        Assert.Equal(CareerCompass.Web.Pages.Reviews.CalendarPage.RenewedMessage, renewed.Document.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(page.Document.QuerySelector("[role=status]"));
        browser.Dispose();
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_for_the_download_and_the_page()
    {
        using var visitor = app.NewBrowser();

        foreach (var path in new[] { "/Reviews/calendar.ics", "/Reviews/Calendar" })
        {
            var page = await visitor.GetAsync(path, followRedirects: false);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("http://localhost/Identity/Account/Login", page.Location, StringComparison.Ordinal);
        }
    }

    /// <summary>A goal of <paramref name="ownerId"/> with milestones due the given number of days from today, in the given states.</summary>
    private async Task<int> SeedGoalAsync(string ownerId, string statement, GoalStatus status, params (string Title, int InDays, MilestoneStatus Status)[] milestones)
    {
        var goal = Goal.Create(ownerId, new GoalDetails(statement, GoalHorizon.ShortTerm), Today);
        await app.WriteAsync(db =>
        {
            db.Goals.Add(goal);
            return Task.CompletedTask;
        });
        await app.WriteAsync(async db =>
        {
            var stored = await db.Goals.Include(g => g.Milestones).SingleAsync(g => g.Id == goal.Id);
            foreach (var (title, inDays, _) in milestones)
            {
                stored.AddMilestone(title, Today.AddDays(inDays), null);
            }
        });
        await app.WriteAsync(async db =>
        {
            var stored = await db.Goals.Include(g => g.Milestones).SingleAsync(g => g.Id == goal.Id);
            foreach (var (title, _, milestoneStatus) in milestones)
            {
                var milestone = stored.Milestones.Single(m => m.Title == title);
                stored.SetMilestoneStatus(milestone.Id, milestoneStatus, Today, milestone.Version);
            }

            var now = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
            switch (status)
            {
                case GoalStatus.Retired: stored.Retire(null, now); break;
                case GoalStatus.Achieved: stored.Activate(Today, anyway: true, now); stored.MarkAchieved(Today, now); break;
            }
        });
        return goal.Id;
    }
}
