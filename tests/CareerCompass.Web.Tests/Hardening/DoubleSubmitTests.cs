using System.Net;
using CareerCompass.Web.Tests.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Hardening;

/// <summary>A create form sent twice (a double click, a refresh that re-posts, a retry on a slow line) creates one record.</summary>
public sealed class DoubleSubmitTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task A_new_goal_form_sent_twice_creates_one_goal_and_lands_on_it()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Goals/Edit");
        var fields = new Dictionary<string, string> { ["Input.Statement"] = "Become a team lead" };

        var first = await browser.SubmitAsync(form, "#goal-form", fields);
        var second = await browser.SubmitAsync(form, "#goal-form", fields);

        var owner = await app.UserIdAsync(email);
        Assert.Equal(1, await app.ReadAsync(db => db.Goals.CountAsync(g => g.OwnerId == owner)));
        Assert.Equal(first.Url, second.Url);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        browser.Dispose();
    }

    [Fact]
    public async Task A_new_goal_form_sent_twice_at_once_creates_one_goal()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Goals/Edit");
        var fields = new Dictionary<string, string> { ["Input.Statement"] = "Become a team lead" };

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => browser.SubmitAsync(form, "#goal-form", fields, followRedirects: false)));

        var owner = await app.UserIdAsync(email);
        Assert.Equal(1, await app.ReadAsync(db => db.Goals.CountAsync(g => g.OwnerId == owner)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a.Status));
        Assert.Single(answers.Select(a => a.Location).Distinct());
        browser.Dispose();
    }

    [Fact]
    public async Task A_new_contact_form_sent_twice_creates_one_contact()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Contacts/Edit");
        var fields = new Dictionary<string, string> { ["Input.Name"] = "Priya Shah" };

        await browser.SubmitAsync(form, "#contact-form", fields);
        var second = await browser.SubmitAsync(form, "#contact-form", fields);

        var owner = await app.UserIdAsync(email);
        Assert.Equal(1, await app.ReadAsync(db => db.Contacts.CountAsync(c => c.OwnerId == owner)));
        Assert.Equal("/Contacts", second.Url.AbsolutePath);
        browser.Dispose();
    }

    [Fact]
    public async Task A_new_milestone_or_plan_item_form_sent_twice_creates_one()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (page, id) = await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Become a team lead" });
        var milestone = new Dictionary<string, string> { ["NewMilestone.Title"] = "Enrol", ["NewMilestone.DueOn"] = "2027-01-10" };
        var plan = new Dictionary<string, string> { ["NewPlanItem.Text"] = "A course" };

        await browser.SubmitAsync(page, "#milestone-form", milestone);
        var again = await browser.SubmitAsync(page, "#milestone-form", milestone);
        await browser.SubmitAsync(page, "#plan-form", plan);
        var planAgain = await browser.SubmitAsync(page, "#plan-form", plan);

        Assert.Equal(1, await app.ReadAsync(db => db.Milestones.CountAsync(m => m.GoalId == id)));
        Assert.Equal(1, await app.ReadAsync(db => db.PlanItems.CountAsync(p => p.GoalId == id)));
        Assert.Equal($"/Goals/{id}", again.Url.AbsolutePath);
        Assert.Equal($"/Goals/{id}", planAgain.Url.AbsolutePath);

        // A fresh form (a new key) adds another, as it should.
        var fresh = await browser.GetAsync($"/Goals/{id}");
        await browser.SubmitAsync(fresh, "#milestone-form", milestone);
        Assert.Equal(2, await app.ReadAsync(db => db.Milestones.CountAsync(m => m.GoalId == id)));
        browser.Dispose();
    }
}
