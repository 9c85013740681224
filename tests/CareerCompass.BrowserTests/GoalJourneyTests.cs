using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

public sealed class GoalJourneyTests(LiveApp live) : IClassFixture<LiveApp>
{
    private static ILocator Criterion(IPage page, string key) => page.Locator($"[data-criterion='{key}']");

    [Fact]
    public async Task A_vague_goal_becomes_smart_with_the_live_coach_gets_milestones_and_shows_on_the_dashboard()
    {
        await using var context = await live.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);

        // Values to link the goal to.
        await page.GotoAsync("/Reflection/Values");
        await page.GetByLabel("Learning").CheckAsync();
        await page.GetByLabel("Leadership").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and stay here" }).ClickAsync();

        await page.GotoAsync("/Goals");
        await checks.CheckAsync(page, "goals-01-empty");
        await page.GetByRole(AriaRole.Link, new() { Name = "Write a new goal" }).ClickAsync();
        var statement = page.GetByLabel("Your goal");
        await statement.FillAsync("Grow in my career");
        await Assertions.Expect(Criterion(page, "specific").Locator("[data-advice]")).ToContainTextAsync("\"grow in my career\" is vague");
        await Assertions.Expect(Criterion(page, "specific").Locator("[data-status]")).ToHaveTextAsync("Not yet");
        await checks.CheckAsync(page, "goals-02-vague-draft");

        await statement.FillAsync("Become a team leader within two years");
        await Assertions.Expect(Criterion(page, "specific").Locator("[data-status]")).ToHaveTextAsync("Met");
        await Assertions.Expect(Criterion(page, "timeBound").Locator("[data-status]")).ToHaveTextAsync("Met");
        await Assertions.Expect(Criterion(page, "relevant").Locator("[data-status]")).ToHaveTextAsync("Not yet");

        await page.GetByLabel("Medium term (1–3 years)").CheckAsync();
        var deadline = live.App.Clock.GetUtcNow().AddMonths(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByLabel("Deadline").FillAsync(deadline);
        await page.GetByLabel("How confident are you? (1–10)").SelectOptionAsync("8");
        await page.GetByLabel("Leadership").CheckAsync();
        await page.GetByLabel("Learning").CheckAsync();
        await Assertions.Expect(Criterion(page, "relevant").Locator("[data-status]")).ToHaveTextAsync("Met");
        await Assertions.Expect(Criterion(page, "achievable").Locator("[data-status]")).ToHaveTextAsync("Met");
        await checks.CheckAsync(page, "goals-03-smart");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/\\d+$"));
        await Assertions.Expect(page.GetByText("Your goal is SMART")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate this goal" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your goal is active")).ToBeVisibleAsync();

        var milestones = new[] { ("Ask my manager about leading a project", 1), ("Lead the project kick-off", 4), ("Complete a leadership course", 9) };
        foreach (var (title, months) in milestones)
        {
            await page.GetByLabel("Milestone", new() { Exact = true }).FillAsync(title);
            await page.GetByLabel("Due").FillAsync(live.App.Clock.GetUtcNow().AddMonths(months).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            await page.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();
            await Assertions.Expect(page.GetByText(title, new() { Exact = true })).ToBeVisibleAsync();
        }

        await page.GetByLabel("Status of Ask my manager about leading a project").SelectOptionAsync(new SelectOptionValue { Label = "Done" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Update Ask my manager about leading a project" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 of 3 done (33%)")).ToBeVisibleAsync();
        await checks.CheckAsync(page, "goals-04-goal-page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Dashboard" }).ClickAsync();
        await Assertions.Expect(page.GetByText("1 of 3 milestones done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lead the project kick-off" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Timeline of your active goals" })).ToBeVisibleAsync();
        await checks.CheckAsync(page, "goals-05-dashboard");
    }

    [Fact]
    public async Task On_a_phone_the_goal_pages_fit_and_pass_axe()
    {
        await using var context = await live.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);

        await page.GotoAsync("/Goals/Edit");
        await page.GetByLabel("Your goal").FillAsync("Earn a digital-marketing certification by December");
        await Assertions.Expect(Criterion(page, "measurable").Locator("[data-status]")).ToHaveTextAsync("Met");
        await checks.CheckAsync(page, "phone-goals-editor");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The goal editor scrolls sideways on a phone.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await checks.CheckAsync(page, "phone-goals-page");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The goal page scrolls sideways on a phone.");

        // With a history entry whose long words must wrap, and a milestone with its forms.
        await page.GetByLabel("Milestone", new() { Exact = true }).FillAsync("Book the exam");
        await page.GetByLabel("Due", new() { Exact = true }).FillAsync(live.App.Clock.GetUtcNow().AddMonths(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Add milestone" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit goal" }).ClickAsync();
        await page.GetByLabel("Your goal").FillAsync("Earn a digital-marketing certification (Google-Analytics-Individual-Qualification) by December");
        await page.GetByLabel("What changed, and why?").FillAsync("My manager asked for the analytics one");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Assertions.Expect(page.Locator("#history ol > li")).ToContainTextAsync(["My manager asked for the analytics one"]);
        await checks.CheckAsync(page, "phone-goals-history");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The goal page with its history scrolls sideways on a phone.");
        await page.GotoAsync("/");
        await checks.CheckAsync(page, "phone-dashboard");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The dashboard scrolls sideways on a phone.");
    }
}
