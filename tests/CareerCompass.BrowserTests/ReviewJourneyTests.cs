using System.Text.RegularExpressions;
using CareerCompass.Domain.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

/// <summary>
/// A review, start to finish, on a phone: the banner appears when the date comes (clock advanced), the wizard adjusts
/// one goal with the coach and retires another, and the goal's history and the next review date show it. Every page
/// passes axe and fits the screen.
/// </summary>
public sealed class ReviewJourneyTests(LiveApp live) : IClassFixture<LiveApp>
{
    private static readonly string[] Goals = ["Lead a small design team by the end of 2027", "Finish a data science bootcamp by June 2027"];

    [Fact]
    public async Task A_person_sees_the_banner_completes_a_review_that_adjusts_one_goal_and_retires_another_and_sees_the_history()
    {
        live.App.Clock.SetTo(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        await using var context = await live.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        var email = await page.SignUpAndSignInAsync(live);
        var owner = await live.App.UserIdAsync(email);
        await live.App.WriteAsync(db =>
        {
            foreach (var statement in Goals)
            {
                var goal = Goal.Create(owner, new GoalDetails(statement, GoalHorizon.ShortTerm, Deadline: new DateOnly(2027, 12, 31), Confidence: 7), new DateOnly(2026, 11, 22));
                goal.Activate(new DateOnly(2026, 11, 22), anyway: true, live.App.Clock.GetUtcNow());
                db.Goals.Add(goal);
            }

            return Task.CompletedTask;
        });

        // Quarterly reviews, then three months go by.
        await page.GotoAsync("/Settings");
        await page.GetByLabel("Every three months").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save review settings" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your next review is on Monday 22 February 2027.").First).ToBeVisibleAsync();
        await checks.CheckAsync(page, "reviews-01-settings");

        live.App.Clock.SetTo(new DateTimeOffset(2027, 2, 22, 10, 0, 0, TimeSpan.Zero));
        await SignInAsync(page, email); // the old sign-in has long expired
        var banner = page.Locator("#review-due");
        await Assertions.Expect(banner).ToContainTextAsync("Your review is due today");
        Assert.True(await PageChecks.FitsTheScreenAsync(page));
        await checks.CheckAsync(page, "reviews-02-banner");

        await banner.GetByRole(AriaRole.Link, new() { Name = "Start your review" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start your review" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/look-back$"));
        await checks.CheckAsync(page, "reviews-03-look-back");
        await page.GetByLabel("Looking back, what stands out?").FillAsync("I said yes to a mentoring scheme and it changed how I see leadership.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        // Step 2: adjust the first goal (with the coach), retire the second.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/goals$"));
        var lead = page.Locator("section", new() { HasText = "Lead a small design team" });
        var bootcamp = page.Locator("section", new() { HasText = "Finish a data science bootcamp" });
        await lead.GetByLabel("What helped?").FillAsync("Weekly chats with my mentor, Priya.");
        await lead.GetByLabel("Adjust", new() { Exact = true }).CheckAsync();
        await bootcamp.GetByLabel("Retire", new() { Exact = true }).CheckAsync();
        await bootcamp.GetByLabel("Why?").FillAsync("Design leadership fits me better than data science.");
        Assert.True(await PageChecks.FitsTheScreenAsync(page));
        await checks.CheckAsync(page, "reviews-04-goals");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Edit this goal with the coach" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/Edit/\\d+\\?review=\\d+$"));
        await page.GetByLabel("Your goal").FillAsync("Lead a small design team by the end of 2028");
        await page.GetByLabel("Deadline").FillAsync("2028-12-31");
        await page.GetByLabel("What changed, and why?").FillAsync("A year more gives me time to finish the mentoring scheme.");
        await checks.CheckAsync(page, "reviews-05-editor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/goals$"));
        await Assertions.Expect(page.GetByLabel("Adjust", new() { Exact = true }).First).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/new-goals$"));
        await checks.CheckAsync(page, "reviews-06-new-goals");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/summary$"));
        await Assertions.Expect(page.GetByText("Will be retired, with your reason kept in its history.")).ToBeVisibleAsync();
        await checks.CheckAsync(page, "reviews-07-summary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete review" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+$"));
        await Assertions.Expect(page.GetByText("Your review is complete").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("22 May 2027").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#review-due")).ToHaveCountAsync(0);
        await checks.CheckAsync(page, "reviews-08-done");

        // The adjusted goal's history, tied to the review; the dashboard's next date; no banner.
        await page.GotoAsync("/Goals");
        await page.GetByRole(AriaRole.Link, new() { Name = "Lead a small design team by the end of 2028" }).ClickAsync();
        var history = page.Locator("#history");
        await Assertions.Expect(history).ToContainTextAsync("Lead a small design team by the end of 2027 → Lead a small design team by the end of 2028");
        await Assertions.Expect(history).ToContainTextAsync("A year more gives me time to finish the mentoring scheme.");
        await Assertions.Expect(history.GetByRole(AriaRole.Link, new() { Name = "your review" }).First).ToBeVisibleAsync();
        await checks.CheckAsync(page, "reviews-09-history");

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("#next-review")).ToContainTextAsync("Saturday 22 May 2027");
        await Assertions.Expect(page.Locator("#review-due")).ToHaveCountAsync(0);
        Assert.True(await PageChecks.FitsTheScreenAsync(page));
        await checks.CheckAsync(page, "reviews-10-dashboard");
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(People.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" })).ToBeVisibleAsync();
    }
}
