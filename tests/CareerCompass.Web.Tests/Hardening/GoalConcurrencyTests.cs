using System.Net;
using CareerCompass.Domain.Goals;
using CareerCompass.Web.Tests.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Hardening;

/// <summary>
/// Many requests at once on one goal: caps hold, order numbers stay unique, and nobody gets an error page. Each
/// concurrent add carries its own idempotency key, as forms in separate tabs would.
/// </summary>
public sealed class GoalConcurrencyTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private static readonly DateOnly Soon = new(2027, 1, 10);

    private async Task SeedMilestonesAsync(int goalId, int count) => await app.WriteAsync(async db =>
    {
        var goal = await db.Goals.Include(g => g.Milestones).SingleAsync(g => g.Id == goalId);
        for (var i = 0; i < count; i++)
        {
            goal.AddMilestone($"Seeded step {i}", Soon, null);
        }
    });

    [Fact]
    public async Task Twenty_concurrent_milestone_adds_never_pass_the_cap_of_fifty()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (_, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        await SeedMilestonesAsync(id, 40);
        var page = await browser.GetAsync($"/Goals/{id}");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            browser.SubmitAsync(page, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = $"Concurrent step {i}", ["NewMilestone.DueOn"] = "2027-01-10", ["NewMilestone.IdempotencyKey"] = Guid.NewGuid().ToString() }, followRedirects: false)));

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Answered {a.Status}"));
        var orders = await app.ReadAsync(db => db.Milestones.Where(m => m.GoalId == id).Select(m => m.Order).ToListAsync());
        Assert.Equal(50, orders.Count);
        Assert.Equal(orders.Count, orders.Distinct().Count());
        Assert.Equal(10, answers.Count(a => a.Status == HttpStatusCode.Redirect));
        Assert.All(answers.Where(a => a.Status == HttpStatusCode.OK), a => Assert.Contains(a.Errors, e => e.Contains("up to 50 milestones", StringComparison.Ordinal)));
        browser.Dispose();
    }

    [Fact]
    public async Task Thirty_two_concurrent_adds_and_moves_leave_no_two_milestones_sharing_an_order_number()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (_, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        await SeedMilestonesAsync(id, 10);
        var page = await browser.GetAsync($"/Goals/{id}");
        var moveForms = page.Document.QuerySelectorAll("form:has(button[formaction*='handler=MoveMilestone'])").Select(f => f.QuerySelector("input[name=milestoneId]")!.GetAttribute("value")!).ToList();

        var adds = Enumerable.Range(0, 16).Select(i =>
            browser.SubmitAsync(page, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = $"Concurrent step {i}", ["NewMilestone.DueOn"] = "2027-01-10", ["NewMilestone.IdempotencyKey"] = Guid.NewGuid().ToString() }, followRedirects: false));
        var moves = Enumerable.Range(0, 16).Select(i =>
            browser.SubmitAsync(page, $"form:has(button[formaction*='handler=MoveMilestone']):has(input[value='{moveForms[i % 9]}'])", followRedirects: false, submitter: "button[value=down]"));
        var answers = await Task.WhenAll(adds.Concat(moves));

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Answered {a.Status}"));
        var orders = await app.ReadAsync(db => db.Milestones.Where(m => m.GoalId == id).Select(m => m.Order).ToListAsync());
        Assert.Equal(26, orders.Count);
        Assert.Equal(orders.Count, orders.Distinct().Count());
        browser.Dispose();
    }

    [Fact]
    public async Task Twenty_concurrent_plan_item_adds_never_pass_the_cap_of_a_hundred()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (_, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        await app.WriteAsync(async db =>
        {
            var goal = await db.Goals.Include(g => g.PlanItems).SingleAsync(g => g.Id == id);
            for (var i = 0; i < 90; i++)
            {
                goal.AddPlanItem(PlanItemKind.Skill, $"Seeded skill {i}", null, null);
            }
        });
        var page = await browser.GetAsync($"/Goals/{id}");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            browser.SubmitAsync(page, "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Text"] = $"Concurrent skill {i}", ["NewPlanItem.IdempotencyKey"] = Guid.NewGuid().ToString() }, followRedirects: false)));

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Redirect or HttpStatusCode.OK, $"Answered {a.Status}"));
        Assert.Equal(100, await app.ReadAsync(db => db.PlanItems.CountAsync(p => p.GoalId == id)));
        browser.Dispose();
    }

    [Fact]
    public async Task Two_simultaneous_removes_of_one_plan_item_both_get_a_friendly_answer()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        var statuses = new List<HttpStatusCode>();
        for (var round = 0; round < 15; round++)
        {
            page = await browser.SubmitAsync(page, "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Text"] = $"Item {round}" });

            var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => browser.SubmitAsync(page, "form[action*='handler=DeletePlanItem']")));

            statuses.AddRange(answers.Select(a => a.Status));
            Assert.Equal(0, await app.ReadAsync(db => db.PlanItems.CountAsync(p => p.GoalId == id)));
            page = await browser.GetAsync($"/Goals/{id}");
        }

        Assert.True(!statuses.Contains(HttpStatusCode.InternalServerError), $"{statuses.Count(s => s == HttpStatusCode.InternalServerError)} of {statuses.Count} answers were 500: {string.Join(", ", statuses)}");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        browser.Dispose();
    }

    [Fact]
    public async Task Removing_a_plan_item_from_a_stale_page_is_refused()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        page = await browser.SubmitAsync(page, "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Text"] = "Keep me" });

        var refused = await browser.SubmitAsync(page, "form[action*='handler=DeletePlanItem']", new Dictionary<string, string> { ["version"] = Guid.NewGuid().ToString() });

        Assert.Contains(Web.Pages.Goals.Details.StaleMessage, refused.Errors);
        Assert.Equal(1, await app.ReadAsync(db => db.PlanItems.CountAsync(p => p.GoalId == id)));
        browser.Dispose();
    }
}
