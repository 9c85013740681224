using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Components;

/// <summary>
/// The components as the pages render them (statically, through the component tag helper): with the app's own
/// services — the icon sprite's file version — and the pages' data in place of the tests' hand-made views.
/// </summary>
public sealed class ComponentsInPagesTests(CareerCompassFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<CareerCompassFactory>
{
    private DateOnly Today => DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_dashboard_draws_the_timeline_of_the_active_goals_with_deadlines()
    {
        var (browser, email) = await app.NewSignedInPersonAsync("timeline");
        using (browser)
        {
            await SeedGoalAsync(email, "Get a junior data analyst role", Today.AddMonths(6), ("Finish the SQL course", Today.AddDays(-3)), ("Apply to five jobs", Today.AddDays(30)));

            var page = await browser.GetAsync("/");
            output.WriteLine(page.Document.QuerySelector("section[aria-labelledby=timeline-title]")?.OuterHtml ?? page.Html);

            var timeline = page.Document.QuerySelector("section[aria-labelledby=timeline-title]")!;
            Assert.Equal("Get a junior data analyst role", timeline.QuerySelector("svg.timeline g text")!.TextContent);
            Assert.Equal(2, timeline.QuerySelectorAll("svg.timeline g circle").Length);
            var milestones = timeline.QuerySelectorAll("ol.timeline-milestones > li");
            Assert.Equal(2, milestones.Length);
            Assert.EndsWith("Not started, overdue", milestones[0].Text(), StringComparison.Ordinal);
            Assert.Equal(3, timeline.QuerySelectorAll("details table tbody tr").Length);
        }
    }

    [Fact]
    public async Task A_reflection_step_shows_its_progress_and_the_steps_with_links_to_the_others()
    {
        var (browser, _) = await app.NewSignedInPersonAsync("steps");
        using (browser)
        {
            var page = await browser.GetAsync("/Reflection/Values");
            var nav = page.Document.QuerySelector("nav[aria-label='Reflection steps']")!;
            output.WriteLine(nav.OuterHtml);

            Assert.Equal("Step 2 of 7", nav.QuerySelector("p.fw-semibold")!.Text());
            var bar = nav.QuerySelector("[role=progressbar]")!;
            Assert.Equal("2", bar.GetAttribute("aria-valuenow"));
            Assert.Equal("7", bar.GetAttribute("aria-valuemax"));
            Assert.Equal("What matters to you at work", nav.QuerySelector("ol.step-list [aria-current=step]")!.Text());
            var links = nav.QuerySelectorAll("ol.step-list a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal(6, links.Count);
            Assert.Equal("/Reflection/Interests", links[0]);
            Assert.Equal("/Reflection/Options", links[^1]);
        }
    }

    [Fact]
    public async Task An_empty_list_shows_its_empty_state_with_the_apps_versioned_icon()
    {
        var (browser, _) = await app.NewSignedInPersonAsync("empty");
        using (browser)
        {
            var page = await browser.GetAsync("/Contacts");
            var box = page.Document.QuerySelector(".empty-state")!;
            output.WriteLine(box.OuterHtml);

            Assert.Equal("No contacts yet", box.QuerySelector("h2")!.Text());
            Assert.Equal("/Contacts/Edit", box.QuerySelector("a.btn-primary")!.GetAttribute("href"));
            Assert.Matches("^/icons\\.svg\\?v=[^#]+#person-plus$", box.QuerySelector("svg.icon use")!.GetAttribute("href")!);
            // The same sprite address as the <icon> tag helper writes in the layout.
            var brand = page.Document.QuerySelector(".navbar-brand svg.icon use")!.GetAttribute("href")!;
            Assert.Equal(brand.Split('#')[0], box.QuerySelector("svg.icon use")!.GetAttribute("href")!.Split('#')[0]);
        }
    }

    [Fact]
    public async Task The_goal_list_badges_each_open_goal_with_its_status()
    {
        var (browser, email) = await app.NewSignedInPersonAsync("badges");
        using (browser)
        {
            await SeedGoalAsync(email, "Lead a small project at work", Today.AddMonths(3));

            var page = await browser.GetAsync("/Goals");
            var badge = page.Document.QuerySelector("li.item-row span.badge")!;
            output.WriteLine(badge.OuterHtml);

            Assert.Equal("Active", badge.Text());
            Assert.Equal("badge text-bg-light border ms-1", badge.ClassName);
        }
    }

    private async Task SeedGoalAsync(string email, string statement, DateOnly deadline, params (string Title, DateOnly DueOn)[] milestones)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var owner = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!.Id;
        var goal = Goal.Create(owner, new GoalDetails(statement, GoalHorizon.ShortTerm, Deadline: deadline,
            Links: [new ReflectionLink(ReflectionStepKind.Values, Guid.NewGuid().ToString())]), Today.AddDays(-10));
        goal.Activate(Today, anyway: true, app.Clock.GetUtcNow());
        db.Goals.Add(goal);
        await db.SaveChangesAsync();
        foreach (var (title, dueOn) in milestones)
        {
            goal.AddMilestone(title, dueOn, null);
        }

        await db.SaveChangesAsync();
    }
}
