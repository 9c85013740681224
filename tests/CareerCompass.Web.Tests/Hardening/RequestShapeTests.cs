using System.Net;
using CareerCompass.Web.Tests.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Hardening;

/// <summary>Requests a page doesn't expect — an unknown handler, a blank field, an id smuggled into the form — get a clear answer.</summary>
public sealed class RequestShapeTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Theory]
    [InlineData("/Goals/{goal}")]
    [InlineData("/Goals/{goal}?handler=Unknown")]
    [InlineData("/Reflection/Occupations/29-1141.00")]
    [InlineData("/Reflection/Occupations/29-1141.00?handler=Add")]
    public async Task A_post_that_no_handler_answers_gets_a_clear_page_not_an_error(string url)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });

        var answer = await browser.SubmitAsync(page, "#milestone-form", action: url.Replace("{goal}", id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("That request didn't go through", answer.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task A_blank_suggested_skill_is_ignored(string skill)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (_, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead", ["Input.Skills"] = "Coaching" });
        var edit = await browser.GetAsync($"/Goals/Edit/{id}");

        var saved = await browser.SubmitAsync(edit, "#goal-form", new Dictionary<string, string> { ["Input.AddSkills"] = skill });

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("Saved", saved.Text, StringComparison.Ordinal);
        Assert.Equal(["Coaching"], await app.ReadAsync(db => db.Goals.Where(g => g.Id == id).Select(g => g.Skills).SingleAsync()));
        browser.Dispose();
    }

    [Fact]
    public async Task An_id_in_the_form_cannot_send_a_change_to_another_of_the_persons_goals()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (pageA, a) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Goal A" });
        var (_, b) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Goal B" });
        var other = b.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var milestone = await browser.SubmitAsync(pageA, "#milestone-form", new Dictionary<string, string> { ["NewMilestone.Title"] = "Step for A", ["NewMilestone.DueOn"] = "2027-01-10", ["id"] = other });
        var plan = await browser.SubmitAsync(pageA, "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Text"] = "Plan for A", ["id"] = other });
        var editA = await browser.GetAsync($"/Goals/Edit/{a}");
        await browser.SubmitAsync(editA, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Goal A, sharper", ["id"] = other });
        var newForm = await browser.GetAsync("/Goals/Edit");
        await browser.SubmitAsync(newForm, "#goal-form", new Dictionary<string, string> { ["Input.Statement"] = "Goal C", ["id"] = other });

        Assert.Equal($"/Goals/{a}", milestone.Url.AbsolutePath);
        Assert.Equal($"/Goals/{a}", plan.Url.AbsolutePath);
        var goals = await app.ReadAsync(db => db.Goals.Where(g => g.Id == a || g.Id == b).ToDictionaryAsync(g => g.Id, g => g.Statement));
        Assert.Equal("Goal A, sharper", goals[a]);
        Assert.Equal("Goal B", goals[b]);
        Assert.Equal(["Step for A"], await app.ReadAsync(db => db.Milestones.Where(m => m.GoalId == a).Select(m => m.Title).ToListAsync()));
        Assert.Equal(["Plan for A"], await app.ReadAsync(db => db.PlanItems.Where(p => p.GoalId == a).Select(p => p.Text).ToListAsync()));
        Assert.Equal(0, await app.ReadAsync(db => db.Milestones.CountAsync(m => m.GoalId == b)));
        Assert.Equal(0, await app.ReadAsync(db => db.PlanItems.CountAsync(p => p.GoalId == b)));
        Assert.Equal(1, await app.ReadAsync(db => db.Goals.CountAsync(g => g.Statement == "Goal C")));
        browser.Dispose();
    }
}
