using System.Text.RegularExpressions;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

/// <summary>A test that needs the PostgreSQL server of this run (<see cref="TwoInstances.SkipReason"/>).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = TwoInstances.SkipReason;
    }
}

/// <summary>
/// Two app instances behind nginx (round-robin, no sticky sessions) on one PostgreSQL database: a person's whole
/// journey with each request going to either instance, one instance killed on the way, and the rest of it through
/// the other with nothing lost and the person still signed in.
/// </summary>
public sealed class TwoInstanceTests(TwoInstances two) : IClassFixture<TwoInstances>
{
    private static ILocator Continue(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" });

    [PostgresFact]
    public async Task A_journey_alternates_between_instances_and_goes_on_through_the_other_when_one_is_killed()
    {
        await two.BothRunningAsync();
        await using var context = await two.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        var from = two.Requests().Count;

        var email = await SignUpAndSignInAsync(page);

        // The reflection, step by step.
        await page.GetByRole(AriaRole.Link, new() { Name = "Start your reflection" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 1 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("What energizes you?").FillAsync("Untangling messy problems with other people.");
        await page.GetByLabel("Interest 1").FillAsync("Teaching my nephew to code");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 2 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Learning").CheckAsync();
        await page.GetByLabel("Leadership").CheckAsync();
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 3 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Skill 1").FillAsync("Explaining complex things simply");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 4 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Role or project").First.FillAsync("Weekend tutoring");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 5 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Hours a week you can invest in your career plan").FillAsync("4");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 6 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("In one year, I'd like to…").FillAsync("Lead a small team of researchers");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page.GetByText("Step 7 of 7")).ToBeVisibleAsync();
        await page.GetByLabel("Career option").First.FillAsync("Research team lead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and see your summary" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your reflection at a glance" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("7 of 7 steps done")).ToBeVisibleAsync();
        await checks.CheckAsync(page, "two-instances-01-reflection-summary");

        // A goal, drafted.
        await page.GetByRole(AriaRole.Link, new() { Name = "Write your first goal" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/Edit$"));
        await page.GetByLabel("Your goal").FillAsync("Become a team leader within two years");
        await page.GetByLabel("Medium term (1–3 years)").CheckAsync();
        await page.GetByLabel("Deadline").FillAsync(DateTime.UtcNow.AddMonths(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("How confident are you? (1–10)").SelectOptionAsync("8");
        await page.GetByLabel("Leadership").CheckAsync();
        await page.GetByLabel("Learning").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save goal" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Goals/\\d+$"));
        await Assertions.Expect(page.GetByText("Your goal is SMART")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var beforeKill = two.Requests().Skip(from).ToList();
        AssertBothServed(beforeKill);

        // One instance goes, between two pages (as a crash would: SIGKILL, nothing finished off).
        two.First.Kill();
        var afterKillFrom = two.Requests().Count;

        // Still signed in, the draft still there; the rest of the journey through the other instance.
        await page.GotoAsync("/Goals");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Become a team leader within two years" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Become a team leader within two years" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activate this goal" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your goal is active")).ToBeVisibleAsync();

        await page.GotoAsync("/Reviews");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start your review" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/look-back$"));
        await page.GetByLabel("Looking back, what stands out?").FillAsync("Mentoring on Fridays showed me I like helping a team grow.");
        await Continue(page).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/goals$"));
        var goal = page.Locator("section", new() { HasText = "Become a team leader within two years" });
        await goal.GetByLabel("What helped?").FillAsync("Weekly chats with my mentor, Priya.");
        await goal.GetByLabel("Keep", new() { Exact = true }).CheckAsync();
        await Continue(page).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/new-goals$"));
        await Continue(page).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+/summary$"));
        await checks.CheckAsync(page, "two-instances-02-review-summary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete review" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Reviews/\\d+$"));
        await Assertions.Expect(page.GetByText("Your review is complete").First).ToBeVisibleAsync();

        // Nothing from before the kill was lost: the reflection is whole, the goal active, the review done.
        await page.GotoAsync("/Reflection/Summary");
        await Assertions.Expect(page.GetByText("7 of 7 steps done")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Lead a small team of researchers")).ToBeVisibleAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" })).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await using (var db = two.Database())
        {
            var owner = db.Users.Single(u => u.Email == email).Id;
            Assert.Single(db.Goals.Where(g => g.OwnerId == owner));
            Assert.Single(db.Reviews.Where(r => r.OwnerId == owner));
        }

        // After the kill, every request was answered, and by the instance left.
        var afterKill = two.Requests().Skip(afterKillFrom).ToList();
        Assert.True(afterKill.Count >= 10, $"Only {afterKill.Count} requests after the kill.");
        Assert.All(afterKill, r => Assert.Equal(two.Second.Port, r.ServedBy));
        Assert.All(afterKill, r => Assert.True(r.Status < 500, $"{r.Method} {r.Path} answered {r.Status} after the kill."));
    }

    /// <summary>Each instance served a fair share of the requests, page loads and form posts alike.</summary>
    private void AssertBothServed(List<ProxiedRequest> requests)
    {
        Assert.True(requests.Count >= 20, $"Only {requests.Count} requests went through nginx.");
        Assert.All(requests, r => Assert.True(r.Status < 500, $"{r.Method} {r.Path} answered {r.Status}."));
        foreach (var instance in two.Instances)
        {
            var served = requests.Count(r => r.ServedBy == instance.Port);
            Assert.True(served >= requests.Count * 0.35, $"The {instance.Name} instance served {served} of {requests.Count} requests.");
            Assert.Contains(requests, r => r.ServedBy == instance.Port && r.Method == "POST");
        }
    }

    /// <summary>Registers, confirms with the link from the e-mail (whichever instance sent it) and signs in.</summary>
    private async Task<string> SignUpAndSignInAsync(IPage page)
    {
        var email = People.NewEmail("twoinst");
        await page.GotoAsync("/Identity/Account/Register");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(People.GoodPassword);
        await page.GetByLabel("Type the password again").FillAsync(People.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("RegisterConfirmation"), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync(await two.ConfirmationLinkAsync(email));
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(People.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" })).ToBeVisibleAsync();
        return email;
    }
}
