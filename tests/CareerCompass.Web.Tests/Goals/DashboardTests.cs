using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Goals;

public sealed class DashboardTests(CareerCompassFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<CareerCompassFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Writes goals and milestones straight to the database: the HTTP tests cover how they get there.</summary>
    private async Task<List<int>> SeedAsync(string email, int goals, int milestonesEach)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var owner = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
        var created = new List<Goal>();
        for (var g = 0; g < goals; g++)
        {
            var goal = Goal.Create(owner, new GoalDetails($"Goal number {g} — complete {g + 1} courses", GoalHorizon.ShortTerm, Deadline: Today.AddMonths(11),
                Links: [new ReflectionLink(ReflectionStepKind.Values, Guid.NewGuid().ToString())]), Today);
            goal.Activate(Today, anyway: true, app.Clock.GetUtcNow());
            db.Goals.Add(goal);
            created.Add(goal);
        }

        await db.SaveChangesAsync();
        foreach (var goal in created)
        {
            for (var m = 0; m < milestonesEach; m++)
            {
                goal.AddMilestone($"Step {m} of goal {goal.Id}", Today.AddDays(10 * (m + 1)), null);
            }
        }

        await db.SaveChangesAsync();
        foreach (var goal in created)
        {
            foreach (var milestone in goal.OrderedMilestones.Where((_, m) => m % 3 == 0))
            {
                goal.SetMilestoneStatus(milestone.Id, MilestoneStatus.Done, Today, milestone.Version);
            }
        }

        await db.SaveChangesAsync();
        return created.Select(g => g.Id).ToList();
    }

    /// <summary>A signed-in person with seeded goals who shares their plan with a signed-in counsellor.</summary>
    private async Task<SharedPlan> ClientOfACounsellorAsync(string who, int goals, int milestonesEach)
    {
        var (client, email) = await app.NewSignedInPersonAsync(who);
        var seeded = await SeedAsync(email, goals, milestonesEach);
        var (counsellor, counsellorEmail, counsellorId) = await app.NewCounsellorAsync();
        await app.GrantAsync(email, counsellorEmail);
        return new(client, email, await app.UserIdAsync(email), seeded, counsellor, counsellorEmail, counsellorId);
    }

    private sealed record SharedPlan(
        TestBrowser Client, string ClientEmail, string ClientId, List<int> Goals, TestBrowser Counsellor, string CounsellorEmail, string CounsellorId);

    private async Task<int> QueriesForAsync(TestBrowser browser, string path)
    {
        await browser.GetAsync(path); // warm: the first request of a browser also loads its session
        app.Queries.Reset();
        var page = await browser.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        return app.Queries.Count;
    }

    [Fact]
    public async Task The_dashboard_and_a_goal_page_run_as_many_queries_for_1_goal_as_for_20_goals_of_10_milestones()
    {
        var (small, smallEmail) = await app.NewSignedInPersonAsync("small");
        var (large, largeEmail) = await app.NewSignedInPersonAsync("large");
        var smallGoals = await SeedAsync(smallEmail, 1, 1);
        var largeGoals = await SeedAsync(largeEmail, 20, 10);

        var dashboardSmall = await QueriesForAsync(small, "/");
        var dashboardLarge = await QueriesForAsync(large, "/");
        var goalSmall = await QueriesForAsync(small, $"/Goals/{smallGoals[0]}");
        var goalLarge = await QueriesForAsync(large, $"/Goals/{largeGoals[^1]}");
        var listSmall = await QueriesForAsync(small, "/Goals");
        var listLarge = await QueriesForAsync(large, "/Goals");

        output.WriteLine($"Queries: dashboard {dashboardSmall} / {dashboardLarge}, goal page {goalSmall} / {goalLarge}, goal list {listSmall} / {listLarge}");
        Assert.Equal(dashboardSmall, dashboardLarge);
        Assert.Equal(goalSmall, goalLarge);
        Assert.Equal(listSmall, listLarge);
        // The person's "today" (their time zone) comes from the sign-in's claims, never from a query of its own.
        Assert.Equal(4, dashboardLarge); // the session; the review schedule, two counts (contacts, reflection) and whether a counsellor has commented (no: so no new-comments query); goals; milestones
        Assert.Equal(8, goalLarge); // the session; the goal with whether it has a history and whether the person has comments (no: so none are read); its milestones, plan and history; contacts; linked items; sharing
        Assert.InRange(listLarge, 1, 3);
        small.Dispose();
        large.Dispose();
    }

    [Fact]
    public async Task New_comments_cost_a_query_only_once_a_counsellor_has_commented_and_not_after_it_is_deleted()
    {
        var (browser, _, owner, goals, counsellor, _, counsellorId) = await ClientOfACounsellorAsync("commented", 1, 1);
        var none = await QueriesForAsync(browser, "/");

        var comment = Comment.Write(owner, counsellorId, CommentAuthorRole.Counsellor, CommentTarget.Goal, goals[0], "A good first step.", app.Clock.GetUtcNow());
        await app.WriteAsync(db =>
        {
            db.Comments.Add(comment);
            return Task.CompletedTask;
        });
        var one = await QueriesForAsync(browser, "/");
        var shown = await browser.GetAsync("/");
        await app.WriteAsync(async db => (await db.Comments.SingleAsync(c => c.Id == comment.Id)).Delete(counsellorId, app.Clock.GetUtcNow()));
        var deleted = await QueriesForAsync(browser, "/");

        Assert.Equal(4, none);
        Assert.Equal(5, one);
        Assert.Contains("1 new comment from your counsellor", shown.Text, StringComparison.Ordinal);
        Assert.Equal(4, deleted);
        browser.Dispose();
        counsellor.Dispose();
    }

    [Fact]
    public async Task A_goal_page_reads_its_history_only_once_it_has_one_and_comments_only_once_someone_has_written_one()
    {
        var (browser, _, owner, _, counsellor, _, counsellorId) = await ClientOfACounsellorAsync("history", 0, 0);
        var draft = Goal.Create(owner, new GoalDetails("Finish the SQL course by June", GoalHorizon.ShortTerm, Deadline: Today.AddMonths(6)), Today);
        var another = Goal.Create(owner, new GoalDetails("Lead a team meeting", GoalHorizon.ShortTerm, Deadline: Today.AddMonths(3)), Today);
        await app.WriteAsync(db =>
        {
            db.Goals.AddRange(draft, another);
            return Task.CompletedTask;
        });
        var fresh = await QueriesForAsync(browser, $"/Goals/{draft.Id}");

        await app.WriteAsync(async db => (await db.Goals.SingleAsync(g => g.Id == draft.Id)).Activate(Today, anyway: true, app.Clock.GetUtcNow()));
        var withHistory = await QueriesForAsync(browser, $"/Goals/{draft.Id}");

        // A comment on another goal is that goal's: this one still reads none.
        var elsewhere = Comment.Write(owner, counsellorId, CommentAuthorRole.Counsellor, CommentTarget.Goal, another.Id, "And this one?", app.Clock.GetUtcNow());
        await app.WriteAsync(db =>
        {
            db.Comments.Add(elsewhere);
            return Task.CompletedTask;
        });
        var withCommentElsewhere = await QueriesForAsync(browser, $"/Goals/{draft.Id}");

        var comment = Comment.Write(owner, counsellorId, CommentAuthorRole.Counsellor, CommentTarget.Goal, draft.Id, "A good first step.", app.Clock.GetUtcNow());
        await app.WriteAsync(db =>
        {
            db.Comments.Add(comment);
            return Task.CompletedTask;
        });
        var withComment = await QueriesForAsync(browser, $"/Goals/{draft.Id}");
        var shown = await browser.GetAsync($"/Goals/{draft.Id}");

        Assert.Equal(fresh + 1, withHistory);
        Assert.Equal(withHistory, withCommentElsewhere);
        Assert.True(withComment > withHistory, $"{withComment} queries with a comment, {withHistory} without.");
        Assert.Contains("A good first step.", shown.Text, StringComparison.Ordinal);
        Assert.Single(shown.Document.QuerySelectorAll("#history li.item-row")); // the activation
        browser.Dispose();
        counsellor.Dispose();
    }

    [Fact]
    public async Task The_dashboard_shows_active_goals_progress_what_is_next_overdue_and_a_timeline_with_a_table()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await SeedAsync(email, 2, 3);
        app.Clock.Advance(TimeSpan.FromDays(25));

        var dashboard = await browser.SignInAsync(email); // 25 days on, the sign-in cookie has expired


        Assert.Contains("Active goals", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("1 of 3 milestones done", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("Coming up", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("Overdue happens to everyone", dashboard.Text, StringComparison.Ordinal);
        var svg = dashboard.Document.QuerySelector("svg.timeline")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal(2 * 3, svg.QuerySelectorAll("circle").Length);
        Assert.Equal(2 + (2 * 3), dashboard.Document.QuerySelectorAll("details table tbody tr").Length);
        Assert.Contains("2 goals written.", dashboard.Text, StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromDays(-25));
        browser.Dispose();
    }

    // The dashboard writes its links out (Subject.Href), not through the anchor tag helper: each must be the address
    // routing builds, on the person's own dashboard and on a counsellor's copy of it, and each must open.
    [Fact]
    public async Task Every_link_on_the_dashboard_and_on_a_counsellors_copy_is_the_address_routing_gives_and_opens()
    {
        var (browser, email, clientId, goals, counsellor, counsellorEmail, _) = await ClientOfACounsellorAsync("linked", 7, 2);

        app.Clock.Advance(TimeSpan.FromDays(25)); // overdue milestones, with "and 2 more"
        try
        {
            await browser.SignInAsync(email);
            await counsellor.SignInAsync(counsellorEmail);
            var routing = app.Services.GetRequiredService<LinkGenerator>();
            foreach (var (viewer, home, client) in new[] { (browser, "/", (string?)null), (counsellor, $"/Counsellor/Clients/{clientId}", clientId) })
            {
                var dashboard = await viewer.GetAsync(home);
                Assert.Equal(System.Net.HttpStatusCode.OK, dashboard.Status);
                var links = dashboard.Document.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).ToList();

                var goalLinks = dashboard.Document.QuerySelectorAll("#goals-title ~ ul a.fw-semibold").Select(a => a.GetAttribute("href")!).ToList();
                Assert.Equal(7, goalLinks.Count);
                Assert.All(goalLinks, href => Assert.Contains(goals, id => href == routing.GetPathByPage("/Goals/Details", values: new { id, clientId = client })));
                var overdue = dashboard.Document.QuerySelectorAll("#overdue + ul a").Select(a => a.GetAttribute("href")!).ToList();
                Assert.Equal(routing.GetPathByPage("/Index", values: new { clientId = client, all = "overdue" }) + "#overdue", overdue[^1]);
                Assert.All(overdue.SkipLast(1), href => Assert.Contains(goals, id => href == routing.GetPathByPage("/Goals/Details", values: new { id, clientId = client }) + "#milestones"));
                Assert.Contains(routing.GetPathByPage("/Index", values: new { clientId = client, all = "timeline" }) + "#timeline-title", links);

                foreach (var href in links.Where(l => l.StartsWith('/')).Select(l => l.Split('#')[0]).Distinct())
                {
                    Assert.True((await viewer.GetAsync(href)).Status == System.Net.HttpStatusCode.OK, $"{href} from {home} did not open");
                }
            }
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-25));
            browser.Dispose();
            counsellor.Dispose();
        }
    }

    [Fact]
    public async Task The_dashboard_lists_five_overdue_milestones_and_draws_five_goals_each_with_a_link_to_all_of_them()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await SeedAsync(email, 7, 2); // each goal's second milestone is due in 20 days, not done
        app.Clock.Advance(TimeSpan.FromDays(25));
        try
        {
            var dashboard = await browser.SignInAsync(email); // 25 days on, the sign-in cookie has expired

            var overdue = dashboard.Document.QuerySelectorAll("#overdue + ul > li");
            Assert.Equal(5 + 1, overdue.Length);
            var more = overdue[^1].QuerySelector("a")!;
            Assert.Equal("and 2 more", more.TextContent);
            Assert.Equal("/?all=overdue#overdue", more.GetAttribute("href"));
            Assert.Equal(5, dashboard.Document.QuerySelectorAll("svg.timeline g").Length);
            Assert.Equal(5 + (5 * 2), dashboard.Document.QuerySelectorAll("details table tbody tr").Length);
            Assert.Contains("The timeline shows the 5 goals due soonest.", dashboard.Text, StringComparison.Ordinal);
            var all = dashboard.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Show all 7 goals on the timeline");
            Assert.Equal("/?all=timeline#timeline-title", all.GetAttribute("href"));

            var everyOverdue = await browser.GetAsync("/?all=overdue");
            Assert.Equal(7, everyOverdue.Document.QuerySelectorAll("#overdue + ul > li").Length);
            Assert.DoesNotContain(everyOverdue.Document.QuerySelectorAll("#overdue + ul a"), a => a.TextContent.StartsWith("and ", StringComparison.Ordinal));

            var everyGoal = await browser.GetAsync("/?all=timeline");
            Assert.Equal(7, everyGoal.Document.QuerySelectorAll("svg.timeline g").Length);
            Assert.DoesNotContain("The timeline shows the", everyGoal.Text, StringComparison.Ordinal);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-25));
            browser.Dispose();
        }
    }

    [Fact]
    public async Task A_persons_dashboard_and_goal_page_run_the_same_queries_however_many_other_people_have_goals()
    {
        var (browser, email) = await app.NewSignedInPersonAsync("among-others");
        var goals = await SeedAsync(email, 3, 3);
        var dashboardBefore = await QueriesForAsync(browser, "/");
        var goalBefore = await QueriesForAsync(browser, $"/Goals/{goals[0]}");

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            for (var i = 0; i < 25; i++)
            {
                var other = $"other-{i}-{Guid.NewGuid():N}@example.org";
                Assert.True((await users.CreateAsync(new AppUser { UserName = other, Email = other })).Succeeded);
                await SeedAsync(other, 4, 5);
            }
        }

        Assert.Equal(dashboardBefore, await QueriesForAsync(browser, "/"));
        Assert.Equal(goalBefore, await QueriesForAsync(browser, $"/Goals/{goals[0]}"));
        browser.Dispose();
    }

    [Fact]
    public async Task A_goal_page_reads_the_reflection_only_when_the_goal_serves_something_in_it()
    {
        var (browser, email) = await app.NewSignedInPersonAsync("unlinked");
        var linked = (await SeedAsync(email, 1, 2))[0];
        int unlinked;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var owner = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
            var goal = Goal.Create(owner, new GoalDetails("Finish the SQL course by June", GoalHorizon.ShortTerm, Deadline: Today.AddMonths(6)), Today);
            goal.Activate(Today, anyway: true, app.Clock.GetUtcNow()); // a history, as the linked goal has
            db.Goals.Add(goal);
            await db.SaveChangesAsync();
            unlinked = goal.Id;
        }

        var withLinks = await QueriesForAsync(browser, $"/Goals/{linked}");
        var withoutLinks = await QueriesForAsync(browser, $"/Goals/{unlinked}");

        Assert.Equal(withLinks - 1, withoutLinks);
        var page = await browser.GetAsync($"/Goals/{unlinked}");
        Assert.Contains("Not linked to your reflection yet.", page.Text, StringComparison.Ordinal);
        browser.Dispose();
    }
}
