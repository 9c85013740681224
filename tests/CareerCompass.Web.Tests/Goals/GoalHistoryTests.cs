using System.Net;
using CareerCompass.Domain.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Goals;

/// <summary>The deadline rule in the goal editor, and the history every edit, retirement and achievement leaves.</summary>
public sealed class GoalHistoryTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private static async Task<WebPage> AddMilestoneAsync(TestBrowser browser, WebPage page, string title, string dueOn) =>
        await browser.SubmitAsync(page, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = title, ["NewMilestone.DueOn"] = dueOn });

    private static string HistoryText(WebPage page) =>
        System.Text.RegularExpressions.Regex.Replace(page.Document.QuerySelector("#history")!.TextContent, @"\s+", " ");

    [Fact]
    public async Task Moving_the_deadline_before_some_milestones_is_refused_naming_them_and_keeps_what_was_typed()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Move into UX design", ["Input.Deadline"] = "2027-06-01" });
        page = await AddMilestoneAsync(browser, page, "Update my CV", "2027-01-15");
        page = await AddMilestoneAsync(browser, page, "Portfolio review", "2027-05-12");
        await AddMilestoneAsync(browser, page, "Mock interview", "2027-04-03");
        var edit = await browser.GetAsync($"/Goals/Edit/{id}");

        var refused = await browser.SubmitAsync(edit, "#goal-form", new Dictionary<string, string>
        {
            ["Input.Statement"] = "Move into UX design at a product company",
            ["Input.Measure"] = "interviews",
            ["Input.Deadline"] = "2027-03-01",
            ["Input.Reason"] = "I want to move sooner",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var atDeadline = refused.Document.QuerySelector("[data-valmsg-for='Input.Deadline']")!.TextContent;
        Assert.Contains("due after the new deadline", atDeadline, StringComparison.Ordinal);
        Assert.Contains("\"Portfolio review\" (12 May 2027)", atDeadline, StringComparison.Ordinal);
        Assert.Contains("\"Mock interview\" (3 Apr 2027)", atDeadline, StringComparison.Ordinal);
        Assert.DoesNotContain("Update my CV", atDeadline, StringComparison.Ordinal);
        Assert.Contains("choose a later deadline", atDeadline, StringComparison.Ordinal);
        Assert.Equal("Move into UX design at a product company", refused.Document.QuerySelector("#Input_Statement")!.TextContent);
        Assert.Equal("interviews", refused.Document.QuerySelector("#Input_Measure")!.GetAttribute("value"));
        Assert.Equal("2027-03-01", refused.Document.QuerySelector("#Input_Deadline")!.GetAttribute("value"));
        Assert.Equal("I want to move sooner", refused.Document.QuerySelector("#Input_Reason")!.TextContent.Trim());

        var stored = await app.ReadAsync(db => db.Goals.Where(g => g.Id == id).Select(g => new { g.Statement, g.Deadline, g.Measure }).SingleAsync());
        Assert.Equal(("Move into UX design", new DateOnly(2027, 6, 1), (string?)null), (stored.Statement, stored.Deadline, stored.Measure));
        Assert.Equal(0, await app.ReadAsync(db => db.GoalRevisions.CountAsync(r => r.GoalId == id)));

        var later = await browser.SubmitAsync(refused, "#goal-form", new Dictionary<string, string> { ["Input.Deadline"] = "2027-05-12" });
        Assert.Contains("Saved", later.Text, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 5, 12), await app.ReadAsync(db => db.Goals.Where(g => g.Id == id).Select(g => g.Deadline).SingleAsync()));
        browser.Dispose();
    }

    [Fact]
    public async Task A_new_goal_has_an_empty_history_and_two_edits_show_newest_first_with_what_changed_and_why()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead", ["Input.Deadline"] = "2027-06-01" });
        Assert.Contains("No earlier versions yet", HistoryText(page), StringComparison.Ordinal);

        var edit = await browser.GetAsync($"/Goals/Edit/{id}");
        await browser.SubmitAsync(edit, "#goal-form", new Dictionary<string, string> { ["Input.Deadline"] = "2027-03-01", ["Input.Reason"] = "My manager offered a slot in March" });
        app.Clock.Advance(TimeSpan.FromDays(3));
        edit = await browser.GetAsync($"/Goals/Edit/{id}");
        var shown = await browser.SubmitAsync(edit, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Become a team lead of four people" });
        app.Clock.Advance(TimeSpan.FromDays(-3));

        var entries = shown.Document.QuerySelectorAll("#history ol > li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent, @"\s+", " ")).ToList();
        Assert.Equal(2, entries.Count);
        Assert.Contains("Statement: Become a team lead → Become a team lead of four people", entries[0], StringComparison.Ordinal);
        Assert.Contains("25 November 2026", entries[0], StringComparison.Ordinal);
        Assert.DoesNotContain("Deadline", entries[0], StringComparison.Ordinal);
        Assert.Contains("Deadline: 1 June 2027 → 1 March 2027", entries[1], StringComparison.Ordinal);
        Assert.Contains("My manager offered a slot in March", entries[1], StringComparison.Ordinal);
        Assert.Contains("22 November 2026", entries[1], StringComparison.Ordinal);
        Assert.NotNull(shown.Document.QuerySelector("#history h2"));
        browser.Dispose();
    }

    [Fact]
    public async Task Retiring_with_a_reason_and_achieving_keep_and_show_the_history()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        var edit = await browser.GetAsync($"/Goals/Edit/{id}");
        page = await browser.SubmitAsync(edit, "#goal-form", new Dictionary<string, string> { ["Input.Measure"] = "people led" });

        var retired = await browser.SubmitAsync(page, "#retire-form", new Dictionary<string, string> { ["change"] = "retire", ["reason"] = "The team was merged, so it no longer fits" });

        Assert.Contains("Retired.", retired.Text, StringComparison.Ordinal);
        var history = HistoryText(retired);
        Assert.Contains("Status: Draft → Retired", history, StringComparison.Ordinal);
        Assert.Contains("The team was merged, so it no longer fits", history, StringComparison.Ordinal);
        Assert.Contains("What you'll count: (none) → people led", history, StringComparison.Ordinal);

        var (other, otherId) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Finish a course" });
        other = await browser.SubmitAsync(other, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = "activate-anyway" });
        var achieved = await browser.SubmitAsync(other, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = "achieve" });
        var achievedHistory = HistoryText(achieved);
        Assert.Contains("Status: Active → Achieved", achievedHistory, StringComparison.Ordinal);
        Assert.Contains("Achieved", achievedHistory, StringComparison.Ordinal);
        Assert.Equal([null, "Achieved"], await app.ReadAsync(db => db.GoalRevisions.Where(r => r.GoalId == otherId).OrderBy(r => r.Id).Select(r => r.Reason).ToListAsync()));
        browser.Dispose();
    }

    [Fact]
    public async Task A_goal_page_shows_only_revisions_its_owner_wrote_and_nobody_else_sees_the_history()
    {
        var (owner, _) = await app.NewSignedInPersonAsync("owner");
        var (stranger, strangerEmail) = await app.NewSignedInPersonAsync("stranger");
        var (_, id) = await GoalPageTests.CreateGoalAsync(owner, new() { ["Input.Statement"] = "Become a team lead" });
        var edit = await owner.GetAsync($"/Goals/Edit/{id}");
        await owner.SubmitAsync(edit, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Become a team lead soon", ["Input.Reason"] = "Owner's own reason" });

        // A revision row pointing at the owner's goal but belonging to someone else: never shown with the goal.
        var strangerId = await app.UserIdAsync(strangerEmail);
        await app.WriteAsync(async db =>
        {
            var theirs = Goal.Create(strangerId, new GoalDetails("Stranger's goal", GoalHorizon.ShortTerm), new DateOnly(2026, 11, 22));
            theirs.Revise(new GoalDetails("Stranger's goal, revised", GoalHorizon.ShortTerm), "Stranger's reason", null, app.Clock.GetUtcNow());
            db.Goals.Add(theirs);
            await db.SaveChangesAsync();
            var revision = await db.GoalRevisions.SingleAsync(r => r.GoalId == theirs.Id);
            db.Entry(revision).Property(r => r.GoalId).CurrentValue = id;
        });

        var page = await owner.GetAsync($"/Goals/{id}");
        Assert.Contains("Owner's own reason", HistoryText(page), StringComparison.Ordinal);
        Assert.DoesNotContain("Stranger", page.Text, StringComparison.Ordinal);
        Assert.Single(page.Document.QuerySelectorAll("#history ol > li"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Goals/{id}")).Status);
        owner.Dispose();
        stranger.Dispose();
    }

    [Fact]
    public async Task A_milestone_moved_to_an_earlier_date_lets_the_deadline_come_forward()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Move into UX design", ["Input.Deadline"] = "2027-06-01" });
        page = await AddMilestoneAsync(browser, page, "Portfolio review", "2027-05-12");

        var moved = await browser.SubmitAsync(page, "form.milestone-more", new Dictionary<string, string> { ["dueOn"] = "2027-02-20" }, submitter: "button[formaction*='handler=RescheduleMilestone']");
        Assert.Contains("Portfolio review is now due 20 Feb 2027.", moved.Text, StringComparison.Ordinal);
        var late = await browser.SubmitAsync(moved, "form.milestone-more", new Dictionary<string, string> { ["dueOn"] = "2027-07-01" }, submitter: "button[formaction*='handler=RescheduleMilestone']");
        Assert.Contains(late.Errors, e => e.Contains("after the goal's deadline", StringComparison.Ordinal));

        var edit = await browser.GetAsync($"/Goals/Edit/{id}");
        var saved = await browser.SubmitAsync(edit, "#goal-form", new Dictionary<string, string> { ["Input.Deadline"] = "2027-03-01" });
        Assert.Contains("Deadline: 1 June 2027 → 1 March 2027", HistoryText(saved), StringComparison.Ordinal);
        browser.Dispose();
    }
}
