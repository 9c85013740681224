using System.Text.RegularExpressions;
using CareerCompass.Domain.Goals;
using CareerCompass.Web.Infrastructure.Cli;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

/// <summary>
/// Sharing, with two people in two browsers on phones: a client invites a counsellor (made one with the grant-role
/// command), the counsellor accepts, finds the client in the caseload, opens the plan and comments on a goal; the
/// client sees the comment, replies, reads who looked at their plan and stops sharing; the counsellor's next request
/// is refused. Every page passes axe and fits the screen.
/// </summary>
public sealed class SharingJourneyTests(LiveApp live) : IClassFixture<LiveApp>
{
    private const string Statement = "Move from store management into UX research by September 2027";

    [Fact]
    public async Task A_client_shares_with_a_counsellor_they_talk_in_comments_and_the_client_stops_sharing()
    {
        live.App.Clock.SetTo(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var clientContext = await live.NewPhoneContextAsync();
        await using var counsellorContext = await live.NewPhoneContextAsync();
        var client = await clientContext.NewPageAsync();
        var counsellor = await counsellorContext.NewPageAsync();
        var checks = new PageChecks(client);
        var counsellorChecks = new PageChecks(counsellor);

        // The counsellor registers; an administrator gives them the role from the command line.
        var counsellorEmail = await counsellor.SignUpAndSignInAsync(live);
        using (var output = new StringWriter())
        using (var error = new StringWriter())
        {
            Assert.Equal(0, await GrantRoleCommand.RunAsync(live.App.Services, [counsellorEmail, "Counsellor"], output, error));
        }

        // Signed in again (a fresh sign-in carries the new role).
        await counsellorContext.ClearCookiesAsync();
        await SignInAsync(counsellor, counsellorEmail);

        // The client has a goal, and invites the counsellor to see their plan.
        var clientEmail = await client.SignUpAndSignInAsync(live);
        var clientId = await live.App.UserIdAsync(clientEmail);
        await live.App.WriteAsync(db =>
        {
            var goal = Goal.Create(clientId, new GoalDetails(Statement, GoalHorizon.ShortTerm, Deadline: new DateOnly(2027, 9, 30), Confidence: 6), new DateOnly(2026, 12, 1));
            goal.Activate(new DateOnly(2026, 12, 1), anyway: true, live.App.Clock.GetUtcNow());
            db.Goals.Add(goal);
            return Task.CompletedTask;
        });
        await client.GotoAsync("/Sharing");
        await checks.CheckAsync(client, "sharing-01-empty");
        await client.GetByLabel("Your counsellor's e-mail address").FillAsync(counsellorEmail);
        await client.GetByLabel("Your plan", new() { Exact = true }).CheckAsync();
        await client.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Assertions.Expect(client.Locator("#people")).ToContainTextAsync(counsellorEmail);
        Assert.True(await PageChecks.FitsTheScreenAsync(client));
        await checks.CheckAsync(client, "sharing-02-invited");

        // The counsellor accepts and finds the client in their caseload.
        await counsellor.GotoAsync("/Counsellor/Invitations");
        await counsellorChecks.CheckAsync(counsellor, "sharing-03-invitations");
        await counsellor.GetByRole(AriaRole.Button, new() { Name = $"Accept the invitation from {clientEmail}" }).ClickAsync();
        await counsellor.GotoAsync("/Counsellor");
        var row = counsellor.GetByRole(AriaRole.Link, new() { Name = clientEmail });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await counsellorChecks.CheckAsync(counsellor, "sharing-04-caseload");
        await row.ClickAsync();

        // The client's plan, read-only, with whose it is; a comment on the goal.
        await Assertions.Expect(counsellor).ToHaveURLAsync(new Regex($"/Counsellor/Clients/{clientId}$"));
        await Assertions.Expect(counsellor.Locator(".client-banner")).ToContainTextAsync($"You're viewing {clientEmail}'s plan");
        Assert.True(await PageChecks.FitsTheScreenAsync(counsellor));
        await counsellorChecks.CheckAsync(counsellor, "sharing-05-client-dashboard");
        await counsellor.GetByRole(AriaRole.Link, new() { Name = Statement }).First.ClickAsync();
        await Assertions.Expect(counsellor.GetByRole(AriaRole.Heading, new() { Name = Statement })).ToBeVisibleAsync();
        await counsellor.Locator("#comments").GetByLabel("Add a comment").FillAsync("This is a strong goal. Could you add a first milestone — say, one informational interview?");
        await counsellor.Locator("#comments").GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(counsellor.GetByText("Comment posted.")).ToBeVisibleAsync();
        await counsellorChecks.CheckAsync(counsellor, "sharing-06-commented");

        // The client sees it on the dashboard and on the goal, and replies.
        await client.GotoAsync("/");
        await Assertions.Expect(client.Locator("#new-comments")).ToContainTextAsync("1 new comment from your counsellor");
        await checks.CheckAsync(client, "sharing-07-dashboard-new-comment");
        await client.Locator("#new-comments").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(client.Locator("#comments")).ToContainTextAsync("one informational interview");
        await client.Locator("#comments").GetByLabel("Reply").FillAsync("Good idea — I'll book one with a researcher at my old company.");
        await client.Locator("#comments").GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Assertions.Expect(client.Locator("#comments")).ToContainTextAsync("I'll book one");
        await checks.CheckAsync(client, "sharing-08-replied");

        // The client reads who looked, then stops sharing.
        await client.GotoAsync("/Sharing");
        await Assertions.Expect(client.Locator("#access-log")).ToContainTextAsync(counsellorEmail);
        await Assertions.Expect(client.Locator("#access-log")).ToContainTextAsync(Statement);
        await checks.CheckAsync(client, "sharing-09-access-log");
        await client.GetByRole(AriaRole.Button, new() { Name = $"Stop sharing ({counsellorEmail})" }).ClickAsync();
        await Assertions.Expect(client.Locator("main")).ToContainTextAsync("stopped");

        // The counsellor's next request is refused.
        await counsellor.ReloadAsync();
        await Assertions.Expect(counsellor.GetByText("We couldn't find that page")).ToBeVisibleAsync();
        // (That refusal is a 404 the browser reports; the caseload is checked on a page of its own.)
        var after = await counsellorContext.NewPageAsync();
        var afterChecks = new PageChecks(after);
        await after.GotoAsync("/Counsellor");
        await Assertions.Expect(after.GetByRole(AriaRole.Link, new() { Name = clientEmail })).ToHaveCountAsync(0);
        await afterChecks.CheckAsync(after, "sharing-10-caseload-after");
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
