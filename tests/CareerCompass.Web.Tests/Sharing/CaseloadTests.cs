using System.Net;
using System.Text.RegularExpressions;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// The counsellor's caseload at /Counsellor over HTTP with real cookies: who may open it, which clients it lists,
/// each column's figure, sorting and filtering with their counts, unread replies, and the number of queries whatever
/// the caseload's size. Clients whose accounts don't need a browser are stored straight in the database; "then" is
/// made by moving the test clock back while their records are written, and put back afterwards.
/// </summary>
public sealed class CaseloadTests(CareerCompassFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<CareerCompassFactory>
{
    private DateTimeOffset Now => app.Clock.GetUtcNow();

    private DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    // Who may open it

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in()
    {
        using var browser = app.NewBrowser();

        var page = await browser.GetAsync("/Counsellor", followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/Identity/Account/Login?ReturnUrl=%2FCounsellor", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_in_person_who_is_not_a_counsellor_is_told_the_page_is_not_for_them_and_sees_no_clients_link()
    {
        var (browser, _) = await app.NewSignedInPersonAsync("client");

        var refused = await browser.GetAsync("/Counsellor", followRedirects: false);
        var shown = await browser.GetAsync("/Counsellor");
        var dashboard = await browser.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, refused.Status);
        Assert.StartsWith("http://localhost/Identity/Account/AccessDenied", refused.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Contains("That's the workspace for careers counsellors", shown.Text, StringComparison.Ordinal);
        HtmlChecks.AssertWellFormedAndLabelled(shown);
        Assert.DoesNotContain("Your clients", shown.Text, StringComparison.Ordinal);
        Assert.Null(NavLink(dashboard, "Clients"));
        browser.Dispose();
    }

    [Fact]
    public async Task A_counsellor_sees_only_clients_whose_access_is_active_now()
    {
        var (browser, counsellorEmail, _) = await app.NewCounsellorAsync();
        var (other, otherEmail, _) = await app.NewCounsellorAsync("other");
        var active = await NewClientAsync();
        var invited = await NewClientAsync();
        var revoked = await NewClientAsync();
        var othersClient = await NewClientAsync();
        await app.GrantAsync(active, counsellorEmail);
        await app.GrantAsync(invited, counsellorEmail, accept: false);
        var revokedGrant = await app.GrantAsync(revoked, counsellorEmail);
        await app.WriteAsync(async db => (await db.CounsellorGrants.SingleAsync(g => g.Id == revokedGrant)).Revoke(Now));
        await app.GrantAsync(othersClient, otherEmail);

        var mine = await browser.GetAsync("/Counsellor");
        var theirs = await other.GetAsync("/Counsellor");

        Assert.Equal([active], Rows(mine).Select(r => r.Email));
        Assert.Equal("/Counsellor/Clients/" + await app.UserIdAsync(active), Rows(mine).Single().Href);
        Assert.Equal([othersClient], Rows(theirs).Select(r => r.Email));
        Assert.NotNull(NavLink(mine, "Clients"));
        HtmlChecks.AssertWellFormedAndLabelled(mine);
        browser.Dispose();
        other.Dispose();
    }

    [Fact]
    public async Task A_counsellor_whose_role_is_taken_away_sees_no_clients_from_their_next_request()
    {
        var (browser, counsellorEmail, _) = await app.NewCounsellorAsync();
        var client = await NewClientAsync();
        await app.GrantAsync(client, counsellorEmail);
        Assert.Equal([client], Rows(await browser.GetAsync("/Counsellor")).Select(r => r.Email));

        await app.RemoveRoleAsync(counsellorEmail, AppRoles.Counsellor);
        var after = await browser.GetAsync("/Counsellor");

        // The sign-in still carries the role for up to 30 seconds, so the page opens — but the grants are checked
        // against the role in the database, so nobody is listed.
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.Empty(Rows(after));
        Assert.DoesNotContain(client, after.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("No clients yet", after.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task With_no_clients_yet_the_page_points_to_waiting_invitations_and_the_clients_sharing_page()
    {
        var (browser, _, _) = await app.NewCounsellorAsync();

        var page = await browser.GetAsync("/Counsellor");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("No clients yet", page.Text, StringComparison.Ordinal);
        Assert.Contains("invite you from their Sharing page", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("main a[href='/Counsellor/Invitations']"));
        Assert.Null(page.Document.QuerySelector("main table"));
        Assert.Empty(page.Document.QuerySelectorAll("main nav"));
        HtmlChecks.AssertWellFormedAndLabelled(page);
        browser.Dispose();
    }

    // Each column

    [Fact]
    public async Task The_email_and_scope_of_each_client_are_shown()
    {
        var (browser, counsellor) = await CounsellorAsync();
        var plan = await SeedClientAsync(counsellor);
        var both = await SeedClientAsync(counsellor, scope: SharingScope.PlanAndReflection);

        var rows = Rows(await browser.GetAsync("/Counsellor"));

        Assert.Equal("Plan", rows.Single(r => r.Email == plan.Email)["Sharing"]);
        Assert.Equal("Plan and reflection", rows.Single(r => r.Email == both.Email)["Sharing"]);
        Assert.Equal("/Counsellor/Clients/" + plan.Id, rows.Single(r => r.Email == plan.Email).Href);
        browser.Dispose();
    }

    [Fact]
    public async Task The_next_review_is_marked_overdue_once_its_day_has_passed_and_due_today_on_the_day()
    {
        var (browser, counsellor) = await CounsellorAsync();
        // Reviews are yearly to begin with: a year after signing up.
        var overdue = await SeedClientAsync(counsellor, signedUp: Now.AddYears(-1).AddDays(-5));
        var dueToday = await SeedClientAsync(counsellor, signedUp: Now.AddYears(-1));
        var coming = await SeedClientAsync(counsellor, signedUp: Now.AddDays(-10));
        var unplanned = await SeedClientAsync(counsellor, schedule: false);

        var rows = Rows(await browser.GetAsync("/Counsellor"));

        Assert.Equal($"{Date(Today.AddDays(-5))} overdue 5 days ago", rows.Single(r => r.Email == overdue.Email)["Next review"]);
        Assert.Equal($"{Date(Today)} due today", rows.Single(r => r.Email == dueToday.Email)["Next review"]);
        Assert.Equal($"{Date(Today.AddDays(-10).AddYears(1))} in {Today.AddDays(-10).AddYears(1).DayNumber - Today.DayNumber} days", rows.Single(r => r.Email == coming.Email)["Next review"]);
        Assert.Equal("not planned yet", rows.Single(r => r.Email == unplanned.Email)["Next review"]);
        Assert.Equal([overdue.Email, dueToday.Email, coming.Email, unplanned.Email], rows.Select(r => r.Email));
        browser.Dispose();
    }

    [Fact]
    public async Task Overdue_milestones_count_only_open_milestones_of_active_goals_due_before_today()
    {
        var (browser, counsellor) = await CounsellorAsync();
        var client = await SeedClientAsync(counsellor);
        var none = await SeedClientAsync(counsellor);
        await AddGoalAsync(client.Id, GoalStatus.Active, (-5, MilestoneStatus.NotStarted), (-1, MilestoneStatus.InProgress), (-3, MilestoneStatus.Done),
            (-3, MilestoneStatus.Skipped), (0, MilestoneStatus.NotStarted), (10, MilestoneStatus.NotStarted));
        await AddGoalAsync(client.Id, GoalStatus.Active, (-20, MilestoneStatus.NotStarted));
        await AddGoalAsync(client.Id, GoalStatus.Paused, (-5, MilestoneStatus.NotStarted));
        await AddGoalAsync(client.Id, GoalStatus.Draft, (-5, MilestoneStatus.NotStarted));
        await AddGoalAsync(none.Id, GoalStatus.Active, (0, MilestoneStatus.NotStarted), (-5, MilestoneStatus.Done));

        var rows = Rows(await browser.GetAsync("/Counsellor"));

        Assert.Equal("3", rows.Single(r => r.Email == client.Email)["Overdue milestones"]);
        Assert.Equal("none", rows.Single(r => r.Email == none.Email)["Overdue milestones"]);
        browser.Dispose();
    }

    [Fact]
    public async Task Goals_are_counted_by_status()
    {
        var (browser, counsellor) = await CounsellorAsync();
        var client = await SeedClientAsync(counsellor);
        var empty = await SeedClientAsync(counsellor);
        await AddGoalAsync(client.Id, GoalStatus.Achieved);
        await AddGoalAsync(client.Id, GoalStatus.Active);
        await AddGoalAsync(client.Id, GoalStatus.Paused);
        await AddGoalAsync(client.Id, GoalStatus.Active);
        await AddGoalAsync(client.Id, GoalStatus.Retired);
        await AddGoalAsync(client.Id, GoalStatus.Draft);

        var rows = Rows(await browser.GetAsync("/Counsellor"));

        Assert.Equal("2 active · 1 paused · 1 draft · 1 achieved · 1 retired", rows.Single(r => r.Email == client.Email)["Goals"]);
        Assert.Equal("none yet", rows.Single(r => r.Email == empty.Email)["Goals"]);
        browser.Dispose();
    }

    [Fact]
    public async Task The_plan_last_changed_is_the_latest_change_to_a_goal_milestone_or_plan_line_and_is_stale_after_90_days()
    {
        var (browser, counsellor) = await CounsellorAsync();
        var byGoal = await SeedClientAsync(counsellor);
        var byMilestone = await SeedClientAsync(counsellor);
        var byPlanLine = await SeedClientAsync(counsellor);
        var ninety = await SeedClientAsync(counsellor);
        var ninetyOne = await SeedClientAsync(counsellor);
        var noPlan = await SeedClientAsync(counsellor);
        var today = await SeedClientAsync(counsellor);
        foreach (var client in new[] { byGoal, byMilestone, byPlanLine })
        {
            await AtAsync(Now.AddDays(-200), () => AddGoalAsync(client.Id, GoalStatus.Active, (10, MilestoneStatus.NotStarted)));
        }

        await AtAsync(Now.AddDays(-4), () => ChangeGoalAsync(byGoal.Id, goal => goal.Pause(Now)));
        await AtAsync(Now.AddDays(-6), () => ChangeGoalAsync(byMilestone.Id, goal =>
        {
            var milestone = goal.OrderedMilestones[0];
            goal.SetMilestoneStatus(milestone.Id, MilestoneStatus.InProgress, Today, milestone.Version);
        }));
        await AtAsync(Now.AddDays(-8), () => ChangeGoalAsync(byPlanLine.Id, goal => goal.AddPlanItem(PlanItemKind.Skill, "Presenting", null, null)));
        await AtAsync(Now.AddDays(-90), () => AddGoalAsync(ninety.Id, GoalStatus.Active));
        await AtAsync(Now.AddDays(-91), () => AddGoalAsync(ninetyOne.Id, GoalStatus.Active));
        await AddGoalAsync(today.Id, GoalStatus.Draft);

        var rows = Rows(await browser.GetAsync("/Counsellor"));

        Assert.Equal("4 days ago", rows.Single(r => r.Email == byGoal.Email)["Plan last changed"]);
        Assert.Equal("6 days ago", rows.Single(r => r.Email == byMilestone.Email)["Plan last changed"]);
        Assert.Equal("8 days ago", rows.Single(r => r.Email == byPlanLine.Email)["Plan last changed"]);
        Assert.Equal("90 days ago", rows.Single(r => r.Email == ninety.Email)["Plan last changed"]);
        Assert.Equal("91 days ago stale", rows.Single(r => r.Email == ninetyOne.Email)["Plan last changed"]);
        Assert.Equal("no plan yet", rows.Single(r => r.Email == noPlan.Email)["Plan last changed"]);
        Assert.Equal("today", rows.Single(r => r.Email == today.Email)["Plan last changed"]);
        browser.Dispose();
    }

    // Unread replies

    [Fact]
    public async Task Unread_replies_are_the_clients_own_comments_not_deleted_and_after_the_counsellors_read_mark()
    {
        var (browser, counsellor) = await CounsellorAsync();
        var (other, otherCounsellor) = await CounsellorAsync();
        var client = await SeedClientAsync(counsellor);
        await GrantToAsync(client, otherCounsellor);
        var quiet = await SeedClientAsync(counsellor);
        var goal = await AddGoalAsync(client.Id, GoalStatus.Active, (10, MilestoneStatus.NotStarted));
        var step = await app.ReadAsync(db => db.Milestones.Where(m => m.GoalId == goal).Select(m => m.Id).SingleAsync());
        var first = await CommentAsync(client.Id, client.Id, CommentTarget.Goal, goal);
        await CommentAsync(client.Id, counsellor.Id, CommentTarget.Goal, goal); // the counsellor's own: never unread for them
        var second = await CommentAsync(client.Id, client.Id, CommentTarget.Goal, goal);
        var removed = await CommentAsync(client.Id, client.Id, CommentTarget.Goal, goal);
        await app.WriteAsync(async db => (await db.Comments.SingleAsync(c => c.Id == removed)).Delete(client.Id, Now));
        await CommentAsync(client.Id, client.Id, CommentTarget.Milestone, step); // another record of the goal: another thread
        await CommentAsync(quiet.Id, counsellor.Id, CommentTarget.Goal, 1);

        Assert.Equal("3 unread", Unread(await browser.GetAsync("/Counsellor"), client));
        Assert.Equal("none", Unread(await browser.GetAsync("/Counsellor"), quiet));

        await MarkSeenAsync(client.Id, counsellor.Id, CommentTarget.Goal, goal, first);
        Assert.Equal("2 unread", Unread(await browser.GetAsync("/Counsellor"), client));

        await MarkSeenAsync(client.Id, counsellor.Id, CommentTarget.Goal, goal, second);
        await MarkSeenAsync(client.Id, counsellor.Id, CommentTarget.Milestone, step, first); // before that thread's comment
        Assert.Equal("1 unread", Unread(await browser.GetAsync("/Counsellor"), client));

        // Another counsellor's marks are theirs alone.
        Assert.Equal("3 unread", Unread(await other.GetAsync("/Counsellor"), client));

        var newer = await CommentAsync(client.Id, client.Id, CommentTarget.Goal, goal);
        Assert.Equal("2 unread", Unread(await browser.GetAsync("/Counsellor"), client));
        await MarkSeenAsync(client.Id, counsellor.Id, CommentTarget.Goal, goal, newer);
        await MarkSeenAsync(client.Id, counsellor.Id, CommentTarget.Milestone, step, newer);
        Assert.Equal("none", Unread(await browser.GetAsync("/Counsellor"), client));
        browser.Dispose();
        other.Dispose();
    }

    // Sorting and filtering

    [Fact]
    public async Task Clients_sort_by_next_review_by_most_overdue_milestones_or_by_least_recently_changed()
    {
        var (browser, counsellor) = await CounsellorAsync();
        var (a, b, c, d) = await FourClientsAsync(counsellor);

        var byReview = await browser.GetAsync("/Counsellor");
        var byMilestones = await browser.GetAsync("/Counsellor?sort=milestones");
        var byChange = await browser.GetAsync("/Counsellor?sort=changed");
        var shouted = await browser.GetAsync("/Counsellor?sort=CHANGED");

        Assert.Equal([a.Email, b.Email, c.Email, d.Email], Rows(byReview).Select(r => r.Email));
        Assert.Equal([b.Email, c.Email, a.Email, d.Email], Rows(byMilestones).Select(r => r.Email));
        Assert.Equal([d.Email, b.Email, a.Email, c.Email], Rows(byChange).Select(r => r.Email));
        Assert.Equal(Rows(byChange).Select(r => r.Email), Rows(shouted).Select(r => r.Email));
        Assert.Equal("Next review", Current(byReview, "Sort by"));
        Assert.Equal("Most overdue milestones", Current(byMilestones, "Sort by"));
        Assert.Equal("Least recently changed", Current(byChange, "Sort by"));
        Assert.Equal("All 4 of your clients, by least recently changed", Fold(byChange.Document.QuerySelector("caption")!.TextContent));
        HtmlChecks.AssertWellFormedAndLabelled(byChange);
        browser.Dispose();
    }

    [Fact]
    public async Task Filters_show_their_counts_keep_the_order_and_narrow_the_list()
    {
        var (browser, counsellor) = await CounsellorAsync();
        var (a, b, c, d) = await FourClientsAsync(counsellor);

        var all = await browser.GetAsync("/Counsellor?sort=changed");
        var overdue = await browser.GetAsync(Filter(all, "Overdue review"));
        var stale = await browser.GetAsync(Filter(all, "Stale plan"));
        var unread = await browser.GetAsync(Filter(all, "Unread replies"));

        Assert.Equal(["All (4)", "Overdue review (1)", "Stale plan (1)", "Unread replies (2)"], FilterLinks(all));
        Assert.Equal("All (4)", Current(all, "Show"));
        Assert.Equal("/Counsellor?filter=overdue&sort=changed", Filter(all, "Overdue review"));
        Assert.Equal([a.Email], Rows(overdue).Select(r => r.Email));
        Assert.Equal("Overdue review (1)", Current(overdue, "Show"));
        Assert.Equal([b.Email], Rows(stale).Select(r => r.Email));
        Assert.Equal([b.Email, c.Email], Rows(unread).Select(r => r.Email)); // still least recently changed first
        Assert.Equal(["All (4)", "Overdue review (1)", "Stale plan (1)", "Unread replies (2)"], FilterLinks(unread));
        Assert.Equal("/Counsellor?filter=unread", SortLink(unread, "Next review"));
        Assert.Equal("Unread replies: 2 of your 4 clients, by least recently changed", Fold(unread.Document.QuerySelector("caption")!.TextContent));
        Assert.DoesNotContain(d.Email, unread.Html, StringComparison.OrdinalIgnoreCase);
        HtmlChecks.AssertWellFormedAndLabelled(unread);
        browser.Dispose();
    }

    [Fact]
    public async Task A_filter_nobody_matches_says_so_and_links_back_to_everyone()
    {
        var (browser, counsellor) = await CounsellorAsync();
        var client = await SeedClientAsync(counsellor);

        var page = await browser.GetAsync("/Counsellor?filter=unread");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(Rows(page));
        Assert.Contains("Nobody here right now", page.Text, StringComparison.Ordinal);
        Assert.Contains("a reply you haven't read", page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("main .empty-state a[href='/Counsellor']"));
        Assert.Equal(["All (1)", "Overdue review (0)", "Stale plan (0)", "Unread replies (0)"], FilterLinks(page));
        Assert.DoesNotContain(client.Email, page.Html, StringComparison.OrdinalIgnoreCase);
        HtmlChecks.AssertWellFormedAndLabelled(page);
        browser.Dispose();
    }

    [Theory]
    [InlineData("?filter=nonsense&sort=sideways")]
    [InlineData("?filter=overdue&filter=stale&sort=changed&sort=milestones")]
    [InlineData("?filter=&sort=")]
    [InlineData("?filter=%00%3Cscript%3E&sort=" + "x")]
    [InlineData("?Filter=ALL&SORT=Review")]
    public async Task Unknown_or_repeated_values_fall_back_to_everyone_by_next_review(string query)
    {
        var (browser, counsellor) = await CounsellorAsync();
        var (a, b, c, d) = await FourClientsAsync(counsellor);

        var page = await browser.GetAsync("/Counsellor" + query);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([a.Email, b.Email, c.Email, d.Email], Rows(page).Select(r => r.Email));
        Assert.Equal("All (4)", Current(page, "Show"));
        Assert.Equal("Next review", Current(page, "Sort by"));
        browser.Dispose();
    }

    // Bounded queries

    [Fact]
    public async Task The_caseload_runs_as_many_queries_for_200_clients_as_for_1()
    {
        var (small, one) = await CounsellorAsync();
        var (large, many) = await CounsellorAsync();
        await SeedBusyClientsAsync(one, 1);
        await SeedBusyClientsAsync(many, 200);

        var forOne = await QueriesForAsync(small, "/Counsellor");
        var forMany = await QueriesForAsync(large, "/Counsellor");
        var filtered = await QueriesForAsync(large, "/Counsellor?filter=unread&sort=changed");
        var page = await large.GetAsync("/Counsellor");

        output.WriteLine($"Statements for the caseload: {forOne} with 1 client, {forMany} with 200 (filtered and sorted: {filtered})");
        Assert.Equal(forOne, forMany);
        Assert.Equal(forMany, filtered);
        Assert.InRange(forMany, 1, 7); // the session, the clients, goals, milestones, plan lines, unread replies
        Assert.Equal(200, Rows(page).Count);
        Assert.All(Rows(page), r => Assert.Equal("1", r["Overdue milestones"]));
        Assert.All(Rows(page), r => Assert.Equal("1 active · 1 paused", r["Goals"]));
        Assert.Equal(100, Rows(page).Count(r => r["Unread replies"] == "1 unread"));
        small.Dispose();
        large.Dispose();
    }

    // Helpers

    private sealed record Person(string Id, string Email);

    private sealed class Row(string email, string href, Dictionary<string, string> cells)
    {
        public string Email => email;

        public string Href => href;

        public string this[string column] => cells[column];
    }

    private static string Date(DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string Fold(string text) => Regex.Replace(text, @"\s+", " ").Trim();

    /// <summary>The caseload table as a person reads it: each row's cells by their column heading.</summary>
    private static List<Row> Rows(WebPage page)
    {
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var table = page.Document.QuerySelector("main table");
        if (table is null)
        {
            return [];
        }

        var headings = table.QuerySelectorAll("thead th").Select(th => Fold(th.TextContent)).ToList();
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        return table.QuerySelectorAll("tbody tr").Select(tr =>
        {
            var cells = tr.Children.ToList();
            Assert.Equal("row", cells[0].GetAttribute("scope"));
            var link = cells[0].QuerySelector("a")!;
            return new Row(Fold(link.TextContent), link.GetAttribute("href")!, headings.Zip(cells, (h, c) => (h, Fold(c.TextContent))).ToDictionary(x => x.h, x => x.Item2));
        }).ToList();
    }

    private static string Unread(WebPage page, Person client) => Rows(page).Single(r => r.Email == client.Email)["Unread replies"];

    private static List<string> FilterLinks(WebPage page) =>
        page.Document.QuerySelectorAll("main nav[aria-label='Show'] a").Select(a => Fold(a.TextContent)).ToList();

    private static string Filter(WebPage page, string label) =>
        page.Document.QuerySelectorAll("main nav[aria-label='Show'] a").Single(a => Fold(a.TextContent).StartsWith(label, StringComparison.Ordinal)).GetAttribute("href")!;

    private static string SortLink(WebPage page, string label) =>
        page.Document.QuerySelectorAll("main nav[aria-label='Sort by'] a").Single(a => Fold(a.TextContent) == label).GetAttribute("href")!;

    /// <summary>The one link in the named group marked as the current one.</summary>
    private static string Current(WebPage page, string group) =>
        Fold(page.Document.QuerySelectorAll($"main nav[aria-label='{group}'] a[aria-current='page']").Single().TextContent);

    private static AngleSharp.Dom.IElement? NavLink(WebPage page, string text) =>
        page.Document.QuerySelectorAll("header nav a.nav-link").FirstOrDefault(a => Fold(a.TextContent) == text);

    private async Task<string> NewClientAsync()
    {
        var (browser, email) = await app.NewSignedInPersonAsync("client");
        browser.Dispose();
        return email;
    }

    private async Task<(TestBrowser Browser, Person Counsellor)> CounsellorAsync()
    {
        var (browser, email, id) = await app.NewCounsellorAsync();
        return (browser, new Person(id, email));
    }

    /// <summary>Runs <paramref name="write"/> with the test clock at <paramref name="then"/>, so what it saves is stamped then.</summary>
    private async Task AtAsync(DateTimeOffset then, Func<Task> write)
    {
        var now = Now;
        app.Clock.SetTo(then);
        try
        {
            await write();
        }
        finally
        {
            app.Clock.SetTo(now);
        }
    }

    /// <summary>
    /// A client's account stored straight in the database, with a review schedule started the day they signed up
    /// (unless <paramref name="schedule"/> is false) and an accepted grant to <paramref name="counsellor"/>.
    /// </summary>
    private async Task<Person> SeedClientAsync(Person counsellor, DateTimeOffset? signedUp = null, SharingScope scope = SharingScope.Plan, bool schedule = true)
    {
        var email = People.NewEmail("client");
        var user = new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true };
        await AtAsync(signedUp ?? Now, () => app.WriteAsync(db =>
        {
            db.Users.Add(user);
            if (schedule)
            {
                db.ReviewSchedules.Add(ReviewSchedule.Start(user.Id, Today));
            }

            return Task.CompletedTask;
        }));
        var client = new Person(user.Id, email);
        await GrantToAsync(client, counsellor, scope);
        return client;
    }

    private Task GrantToAsync(Person client, Person counsellor, SharingScope scope = SharingScope.Plan) => app.WriteAsync(db =>
    {
        var grant = CounsellorGrant.Invite(client.Id, client.Email, counsellor.Email, scope, [], Now);
        grant.Accept(counsellor.Id, counsellor.Email, Now);
        db.CounsellorGrants.Add(grant);
        return Task.CompletedTask;
    });

    /// <summary>
    /// A goal of <paramref name="status"/> set 60 days ago, with milestones due the given number of days from today in
    /// the given states. Returns its id.
    /// </summary>
    private async Task<int> AddGoalAsync(string ownerId, GoalStatus status, params (int DueInDays, MilestoneStatus Status)[] milestones)
    {
        var goal = Goal.Create(ownerId, new GoalDetails("Complete three courses in data analysis", GoalHorizon.ShortTerm, Deadline: Today.AddMonths(11)), Today.AddDays(-60));
        await app.WriteAsync(async db =>
        {
            db.Goals.Add(goal);
            await db.SaveChangesAsync(); // milestones need the goal's id
            var added = milestones.Select(m => goal.AddMilestone($"Step due in {m.DueInDays} days", Today.AddDays(m.DueInDays), null)).ToList();
            await db.SaveChangesAsync();
            foreach (var (milestone, (_, milestoneStatus)) in added.Zip(milestones).Where(m => m.Second.Status != MilestoneStatus.NotStarted))
            {
                goal.SetMilestoneStatus(milestone.Id, milestoneStatus, Today, milestone.Version);
            }

            switch (status)
            {
                case GoalStatus.Active:
                    goal.Activate(Today, anyway: true, Now);
                    break;
                case GoalStatus.Paused:
                    goal.Activate(Today, anyway: true, Now);
                    goal.Pause(Now);
                    break;
                case GoalStatus.Achieved:
                    goal.Activate(Today, anyway: true, Now);
                    goal.MarkAchieved(Today, Now);
                    break;
                case GoalStatus.Retired:
                    goal.Retire(null, Now);
                    break;
            }
        });
        return goal.Id;
    }

    /// <summary>Loads the person's (only or latest) goal with its milestones and plan, changes it, and saves.</summary>
    private Task ChangeGoalAsync(string ownerId, Action<Goal> change) => app.WriteAsync(async db =>
    {
        var goal = await db.Goals.Include(g => g.Milestones).Include(g => g.PlanItems).Include(g => g.Revisions)
            .Where(g => g.OwnerId == ownerId).OrderByDescending(g => g.Id).FirstAsync();
        change(goal);
    });

    private Task ChangeGoalAsync(int goalId, Action<Goal> change) => app.WriteAsync(async db =>
    {
        var goal = await db.Goals.Include(g => g.Milestones).Include(g => g.PlanItems).Include(g => g.Revisions).SingleAsync(g => g.Id == goalId);
        change(goal);
    });

    private async Task<int> CommentAsync(string clientId, string authorId, CommentTarget target, int targetId)
    {
        var comment = Comment.Write(clientId, authorId, authorId == clientId ? CommentAuthorRole.Client : CommentAuthorRole.Counsellor, target, targetId, "How does this look to you?", Now);
        await app.WriteAsync(db =>
        {
            db.Comments.Add(comment);
            return Task.CompletedTask;
        });
        return comment.Id;
    }

    private async Task MarkSeenAsync(string clientId, string readerId, CommentTarget target, int targetId, int commentId)
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().MarkSeenAsync(clientId, readerId, target, targetId, commentId);
    }

    /// <summary>
    /// Four clients of one counsellor, each first on one measure:
    /// a — review 5 days overdue, no overdue milestones, plan changed 10 days ago;
    /// b — review in 30 days, 3 overdue milestones, plan changed 120 days ago (stale), 1 unread reply;
    /// c — review in 200 days, 1 overdue milestone, plan changed 2 days ago, 2 unread replies;
    /// d — no review planned, no plan at all.
    /// </summary>
    private async Task<(Person A, Person B, Person C, Person D)> FourClientsAsync(Person counsellor)
    {
        var a = await SeedClientAsync(counsellor, signedUp: Now.AddYears(-1).AddDays(-5));
        var b = await SeedClientAsync(counsellor, signedUp: Now.AddYears(-1).AddDays(30));
        var c = await SeedClientAsync(counsellor, signedUp: Now.AddYears(-1).AddDays(200));
        var d = await SeedClientAsync(counsellor, schedule: false);
        await AtAsync(Now.AddDays(-10), () => AddGoalAsync(a.Id, GoalStatus.Active, (20, MilestoneStatus.NotStarted)));
        var bGoal = 0;
        await AtAsync(Now.AddDays(-120), async () => bGoal = await AddGoalAsync(b.Id, GoalStatus.Active, (-1, MilestoneStatus.NotStarted), (-2, MilestoneStatus.NotStarted), (-3, MilestoneStatus.InProgress)));
        var cGoal = 0;
        await AtAsync(Now.AddDays(-2), async () => cGoal = await AddGoalAsync(c.Id, GoalStatus.Active, (-1, MilestoneStatus.NotStarted)));
        await CommentAsync(b.Id, b.Id, CommentTarget.Goal, bGoal);
        await CommentAsync(c.Id, c.Id, CommentTarget.Goal, cGoal);
        await CommentAsync(c.Id, c.Id, CommentTarget.Goal, cGoal);
        return (a, b, c, d);
    }

    /// <summary>
    /// <paramref name="count"/> clients straight in the database, each with a schedule, an active goal (one overdue
    /// milestone, one coming up, a plan line), a paused goal, and a comment by the client — read by the counsellor for
    /// every other client.
    /// </summary>
    private async Task SeedBusyClientsAsync(Person counsellor, int count)
    {
        var users = Enumerable.Range(0, count).Select(_ => People.NewEmail("busy"))
            .Select(email => new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true })
            .ToList();
        var goals = new List<Goal>();
        await app.WriteAsync(db =>
        {
            foreach (var user in users)
            {
                db.Users.Add(user);
                db.ReviewSchedules.Add(ReviewSchedule.Start(user.Id, Today.AddDays(-30)));
                var grant = CounsellorGrant.Invite(user.Id, user.Email!, counsellor.Email, SharingScope.Plan, [], Now);
                grant.Accept(counsellor.Id, counsellor.Email, Now);
                db.CounsellorGrants.Add(grant);
                var active = Goal.Create(user.Id, new GoalDetails("Complete three courses in data analysis", GoalHorizon.ShortTerm, Deadline: Today.AddMonths(11)), Today.AddDays(-60));
                active.Activate(Today, anyway: true, Now);
                var paused = Goal.Create(user.Id, new GoalDetails("Speak at a meetup", GoalHorizon.ShortTerm, Deadline: Today.AddMonths(11)), Today.AddDays(-60));
                paused.Activate(Today, anyway: true, Now);
                paused.Pause(Now);
                db.Goals.AddRange(active, paused);
                goals.Add(active);
            }

            return Task.CompletedTask;
        });
        var comments = new List<Comment>();
        await app.WriteAsync(db =>
        {
            db.Goals.AttachRange(goals);
            foreach (var goal in goals)
            {
                goal.AddMilestone("Finish the first course", Today.AddDays(-3), null);
                goal.AddMilestone("Finish the second course", Today.AddDays(30), null);
                goal.AddPlanItem(PlanItemKind.Resource, "An online course", null, null);
                var comment = Comment.Write(goal.OwnerId, goal.OwnerId, CommentAuthorRole.Client, CommentTarget.Goal, goal.Id, "I've started!", Now);
                db.Comments.Add(comment);
                comments.Add(comment);
            }

            return Task.CompletedTask;
        });
        await app.WriteAsync(db =>
        {
            db.CommentReads.AddRange(comments.Where((_, i) => i % 2 == 1)
                .Select(c => CommentRead.Start(c.OwnerId, counsellor.Id, c.Target, c.TargetId, c.Id)));
            return Task.CompletedTask;
        });
    }

    private async Task<int> QueriesForAsync(TestBrowser browser, string path)
    {
        await browser.GetAsync(path); // warm: the first request of a browser also loads its session
        app.Queries.Reset();
        var page = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.Queries.Count;
    }
}
