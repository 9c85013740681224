using System.Text.RegularExpressions;
using CareerCompass.Domain.Reflection;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

/// <summary>From the interest explorer to a drafted goal: what an occupation takes, next to the person's strengths.</summary>
public sealed class OccupationGapJourneyTests(LiveApp live) : IClassFixture<LiveApp>
{
    private static ILocator Continue(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" });

    [Fact]
    public async Task On_a_phone_a_person_goes_from_the_explorer_to_an_occupation_and_drafts_a_goal_for_the_biggest_gap()
    {
        await using var context = await live.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);

        // Step 1: the interest explorer.
        await page.GotoAsync("/Reflection/Interests");
        foreach (var activity in Riasec.Activities)
        {
            var rating = activity.Area switch { RiasecArea.Social => "5", RiasecArea.Investigative => "4", RiasecArea.Artistic => "3", _ => "1" };
            await page.GetByRole(AriaRole.Group, new() { Name = activity.Text }).GetByLabel($"{rating} of 5").CheckAsync();
        }

        await checks.CheckAsync(page, "gap-01-interests");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 2 of 7")).ToBeVisibleAsync();

        // Step 3: a couple of strengths, in the person's own words.
        await page.GotoAsync("/Reflection/Strengths");
        await page.GetByLabel("Skill 1").FillAsync("Listening");
        await page.GetByLabel("Self-rating").First.SelectOptionAsync("4");
        await page.GetByLabel("Skill 2").FillAsync("Customer service");
        await page.GetByLabel("Self-rating").Nth(1).SelectOptionAsync("3");
        await checks.CheckAsync(page, "gap-02-strengths");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 4 of 7")).ToBeVisibleAsync();

        // Explore: suggestions from the explorer, and a search.
        await page.GotoAsync("/Reflection/Occupations");
        await Assertions.Expect(page.GetByText("That's SIA for short.")).ToBeVisibleAsync();
        await checks.CheckAsync(page, "gap-03-explore");
        await page.GetByLabel("Search by job title").FillAsync("nurse");
        await page.GetByLabel("Search by job title").PressAsync("Enter");
        await page.GetByRole(AriaRole.Link, new() { Name = "Registered Nurses", Exact = true }).ClickAsync();

        // What it takes.
        var panel = page.Locator("#what-it-takes");
        await Assertions.Expect(panel.GetByRole(AriaRole.Heading, new() { Name = "What it takes — and what you already have" })).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByText("you listed “Listening” (you rated it 4/5)")).ToBeVisibleAsync();
        await Assertions.Expect(panel.GetByText("The biggest gap is")).ToBeVisibleAsync();
        await checks.CheckAsync(page, "gap-04-what-it-takes");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The occupation page scrolls sideways on a phone.");

        // Draft the goal: it opens with its milestones and the coach's verdict.
        await panel.GetByRole(AriaRole.Button, new() { Name = "Draft a goal for this" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/Goals/\d+$"));
        await Assertions.Expect(page.GetByText("We drafted this goal from your biggest gap.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "SMART coach" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-criterion='specific'] [data-status]")).ToHaveTextAsync("Met");
        await Assertions.Expect(page.GetByText("Finish the course").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Registered Nurses: finish one short course").First).ToBeVisibleAsync();
        await checks.CheckAsync(page, "gap-05-drafted-goal");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The drafted goal scrolls sideways on a phone.");
    }
}
