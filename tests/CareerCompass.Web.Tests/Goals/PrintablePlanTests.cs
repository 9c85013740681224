using CareerCompass.Web.Tests.Infrastructure;
using CareerCompass.Web.Tests.Reviews;

namespace CareerCompass.Web.Tests.Goals;

/// <summary>
/// The printable plan (/Goals/Print): the reflection in brief, each active or draft goal with its milestones and
/// plan, a print button, a print stylesheet — and only ever the signed-in person's own records.
/// </summary>
public sealed class PrintablePlanTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task The_plan_prints_the_reflection_the_goals_their_milestones_and_plan_and_nobody_elses()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var (stranger, _) = await app.NewSignedInPersonAsync();
        await GoalPageTests.CreateGoalAsync(stranger, new() { ["Input.Statement"] = "A stranger's private goal" });
        await stranger.SubmitAsync(await stranger.GetAsync("/Reflection/Vision"), "form[data-autosave]", new Dictionary<string, string> { ["Input.Impact"] = "A stranger's vision" },
            action: "/Reflection/Vision?handler=Autosave");

        var goal = await ReviewJourney.ActiveGoalAsync(browser, "Become a UX researcher");
        await ReviewJourney.AddDoneMilestoneAsync(browser, goal, "Finish the research course", new DateOnly(2026, 12, 15));
        await browser.SubmitAsync(await browser.GetAsync($"/Goals/{goal}"), "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Kind"] = "Skill", ["NewPlanItem.Text"] = "Practise interviews" });
        await GoalPageTests.CreateGoalAsync(browser, new() { ["Input.Statement"] = "Mentor a junior colleague" });
        await browser.SubmitAsync(await browser.GetAsync("/Reflection/Vision"), "form[data-autosave]", new Dictionary<string, string> { ["Input.Impact"] = "Kinder public services" },
            action: "/Reflection/Vision?handler=Autosave");

        var list = await browser.GetAsync("/Goals");
        Assert.NotNull(list.Document.QuerySelector("a[href='/Goals/Print']"));
        var page = await browser.GetAsync("/Goals/Print");
        HtmlChecks.AssertWellFormedAndLabelled(page);

        var goals = page.Document.QuerySelectorAll(".print-plan__goal").ToList();
        Assert.Equal(["Become a UX researcher", "Mentor a junior colleague"], goals.Select(g => g.QuerySelector("h2")!.TextContent.Trim()));
        Assert.Contains("Finish the research course — due 15 Dec 2026", goals[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Practise interviews", goals[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Kinder public services", page.Document.QuerySelector(".print-plan__reflection")!.TextContent, StringComparison.Ordinal);

        var button = page.Document.QuerySelector("button#print-plan")!;
        Assert.Equal("Print or save as PDF", button.TextContent.Trim());
        Assert.Contains("Print command", page.Document.QuerySelector("#print-hint-no-js")!.TextContent, StringComparison.Ordinal);

        Assert.DoesNotContain("A stranger's private goal", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("A stranger's vision", page.Html, StringComparison.Ordinal);
        var theirs = await stranger.GetAsync("/Goals/Print");
        Assert.DoesNotContain("Become a UX researcher", theirs.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Kinder public services", theirs.Html, StringComparison.Ordinal);
        browser.Dispose();
        stranger.Dispose();
    }

    [Fact]
    public void The_stylesheet_prints_black_on_white_without_navigation_and_a_goal_to_a_page()
    {
        var css = File.ReadAllText(Path.Combine(Path.GetDirectoryName(Sharing.DataExportSchema.Path)!, "..", "src", "CareerCompass.Web", "wwwroot", "css", "app.css"));
        var print = css[css.IndexOf(".print-plan__goal{break-before:page", StringComparison.Ordinal)..];
        Assert.Contains("@media print", css, StringComparison.Ordinal);
        Assert.Contains("page-break-before:always", print, StringComparison.Ordinal);
        Assert.Matches(@"header,footer,nav,\.site-footer,\.btn,\.d-print-none\{display:none ?!important\}", css);
    }
}
