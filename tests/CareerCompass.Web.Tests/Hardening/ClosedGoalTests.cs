using CareerCompass.Web.Tests.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Hardening;

/// <summary>An achieved or retired goal is kept as it was: the server refuses changes, whatever the buttons on screen.</summary>
public sealed class ClosedGoalTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Theory]
    [InlineData("achieve", "achieved")]
    [InlineData("retire", "retired")]
    public async Task A_closed_goal_refuses_new_milestones_plan_items_and_edits(string change, string word)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        var active = await browser.SubmitAsync(page, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = "activate-anyway" });
        var closed = await browser.SubmitAsync(active, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = change });
        Assert.Contains(word, closed.Text, StringComparison.OrdinalIgnoreCase);
        var editNow = await browser.GetAsync($"/Goals/Edit/{id}");

        // The forms as they were before the goal was closed, posted anyway.
        var milestone = await browser.SubmitAsync(active, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = "One more step", ["NewMilestone.DueOn"] = "2027-01-10" });
        var plan = await browser.SubmitAsync(active, "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Text"] = "One more item" });
        var edited = await browser.SubmitAsync(editNow, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Something else" });

        foreach (var refused in new[] { milestone, plan, edited })
        {
            Assert.Contains(refused.Errors, e => e.Contains($"This goal is {word}", StringComparison.Ordinal));
        }

        Assert.Equal(0, await app.ReadAsync(db => db.Milestones.CountAsync(m => m.GoalId == id)));
        Assert.Equal(0, await app.ReadAsync(db => db.PlanItems.CountAsync(p => p.GoalId == id)));
        Assert.Equal("Become a team lead", await app.ReadAsync(db => db.Goals.Where(g => g.Id == id).Select(g => g.Statement).SingleAsync()));
        browser.Dispose();
    }

    [Theory]
    [InlineData("achieve", "achieved")]
    [InlineData("retire", "retired")]
    public async Task A_closed_goal_cannot_be_reactivated_nor_its_milestones_changed_from_an_old_page(string change, string word)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        var active = await browser.SubmitAsync(page, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = "activate-anyway" });
        var withMilestone = await browser.SubmitAsync(active, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = "Shadow a lead", ["NewMilestone.DueOn"] = "2027-01-10" });
        var closed = await browser.SubmitAsync(withMilestone, "form[action*='handler=Status']", new Dictionary<string, string> { ["change"] = change });

        // The closed goal's page shows its milestone as it stands, with its status, and offers no change it would refuse.
        var shown = closed.Document.QuerySelector("#milestone-items li.milestone")!;
        Assert.Contains("Shadow a lead", shown.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not started", shown.TextContent, StringComparison.Ordinal);
        Assert.Empty(closed.Document.QuerySelectorAll("#milestone-items form, #plan form, #milestone-form, #plan-form"));

        // A status change with the goal's current version, and the milestone forms as they were before it closed.
        var version = closed.Document.QuerySelector("form[action*='handler=Status'] input[name='version']")!.GetAttribute("value")!;
        var token = closed.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var reactivated = await browser.PostAsync($"/Goals/{id}?handler=Status", [new("change", "activate-anyway"), new("version", version), new("__RequestVerificationToken", token)]);
        var milestoneDone = await browser.SubmitAsync(withMilestone, "form[action*='handler=MilestoneStatus']", new Dictionary<string, string> { ["status"] = "Done" });
        var removed = await browser.SubmitAsync(withMilestone, "form[action*='handler=MilestoneStatus']", submitter: "button[formaction*='handler=DeleteMilestone']");

        foreach (var (refused, what) in new[] { (reactivated, "reactivate"), (milestoneDone, "milestone done"), (removed, "milestone removed") })
        {
            Assert.True(refused.Errors.Any(e => e.Contains($"This goal is {word}", StringComparison.Ordinal)), $"{what}: {string.Join(" | ", refused.Errors)} {refused.Text[..Math.Min(300, refused.Text.Length)]}");
        }

        Assert.Equal(word, (await app.ReadAsync(db => db.Goals.Where(g => g.Id == id).Select(g => g.Status).SingleAsync())).ToString(), ignoreCase: true);
        Assert.Equal("NotStarted", (await app.ReadAsync(db => db.Milestones.Where(m => m.GoalId == id).Select(m => m.Status).SingleAsync())).ToString());
        browser.Dispose();
    }
}
