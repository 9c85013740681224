using System.Net;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static CareerCompass.Web.Tests.Reviews.ReviewJourney;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// A counsellor's read-only copy of a client's plan at <c>/Counsellor/Clients/{clientId}/…</c>: what it shows and
/// hides, that every look is in the client's access log, that scope changes, revocation and the loss of the role
/// count from the next request, and that nothing a counsellor sends changes anything.
/// </summary>
public sealed class CounsellorViewTests : IDisposable
{
    private readonly CareerCompassFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<Client> NewClientAsync(string goal = "Lead the design team by June")
    {
        var (browser, email) = await _app.NewSignedInPersonAsync("client");
        var goalId = await ActiveGoalAsync(browser, goal);
        var page = await browser.GetAsync($"/Goals/{goalId}");
        await browser.SubmitAsync(page, "#milestone-form", new Dictionary<string, string>
        {
            ["NewMilestone.Title"] = "Shadow a design lead",
            ["NewMilestone.DueOn"] = _app.Clock.GetUtcNow().AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        page = await browser.GetAsync($"/Goals/{goalId}");
        await browser.SubmitAsync(page, "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Kind"] = "Skill", ["NewPlanItem.Text"] = "Facilitation" });
        var contact = await browser.GetAsync("/Contacts/Edit");
        await browser.SubmitAsync(contact, "#contact-form", new Dictionary<string, string> { ["Input.Name"] = "Priya the Private Contact" });
        var vision = await browser.GetAsync("/Reflection/Vision");
        await browser.SubmitAsync(vision, "form[data-autosave]", new Dictionary<string, string> { ["Input.OneYear"] = "Leading a kind team" });
        return new Client(browser, email, await _app.UserIdAsync(email), goalId);
    }

    [Fact]
    public async Task A_counsellor_reads_the_clients_plan_read_only_and_each_look_is_in_the_clients_access_log()
    {
        var client = await NewClientAsync();
        var (counsellor, counsellorEmail, counsellorId) = await _app.NewCounsellorAsync();
        await _app.GrantAsync(client.Email, counsellorEmail, SharingScope.Plan);
        var root = $"/Counsellor/Clients/{client.Id}";

        var dashboard = await counsellor.GetAsync(root);
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains($"You're viewing {client.Email}'s plan", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("their plan (not their reflection)", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("Lead the design team by June", dashboard.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Your network", dashboard.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("follow-up", dashboard.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Write a goal", dashboard.Text, StringComparison.Ordinal);
        HtmlChecks.AssertWellFormedAndLabelled(dashboard);

        // Links stay on the client's address, so the counsellor never lands on a page of their own by mistake.
        var goalLink = dashboard.Document.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "Lead the design team by June").GetAttribute("href");
        Assert.Equal($"{root}/Goals/{client.GoalId}", goalLink);

        var goal = await counsellor.GetAsync(goalLink!);
        Assert.Equal(HttpStatusCode.OK, goal.Status);
        Assert.Contains("Shadow a design lead", goal.Text, StringComparison.Ordinal);
        Assert.Contains("Facilitation", goal.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya the Private Contact", goal.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Leading a kind team", goal.Html, StringComparison.Ordinal);
        // The only forms are for comments (a counsellor can comment; nothing else they send changes anything).
        Assert.All(goal.Document.QuerySelectorAll("main form"), f => Assert.StartsWith($"{root}/Comments?handler=Write", f.GetAttribute("action"), StringComparison.Ordinal));
        Assert.Null(goal.Document.QuerySelector("a[href^='/Goals/Edit']"));
        HtmlChecks.AssertWellFormedAndLabelled(goal);

        var list = await counsellor.GetAsync($"{root}/Goals");
        Assert.Contains($"{root}/Goals/{client.GoalId}", list.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Write a new goal", list.Text, StringComparison.Ordinal);
        var reviews = await counsellor.GetAsync($"{root}/Reviews");
        Assert.Equal(HttpStatusCode.OK, reviews.Status);
        Assert.Empty(reviews.Document.QuerySelectorAll("main form"));

        // The reflection isn't in this scope.
        Assert.Equal(HttpStatusCode.NotFound, (await counsellor.GetAsync($"{root}/Reflection/Summary")).Status);

        var log = await _app.ReadAsync(db => db.AccessLog.AsNoTracking().Where(e => e.OwnerId == client.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal(
            [(SharedArea.Dashboard, (int?)null, root), (SharedArea.Goals, client.GoalId, goalLink!), (SharedArea.Goals, null, $"{root}/Goals"), (SharedArea.Reviews, null, $"{root}/Reviews")],
            log.Select(e => (e.Area, e.RecordId, e.Path)));
        Assert.All(log, e => Assert.Equal(counsellorId, e.CounsellorId));
        Assert.All(log, e => Assert.Equal(_app.Clock.GetUtcNow().UtcDateTime, e.AtUtc));

        // The client's own pages are never logged.
        await client.Browser.GetAsync($"/Goals/{client.GoalId}");
        Assert.Equal(4, await _app.ReadAsync(db => db.AccessLog.CountAsync(e => e.OwnerId == client.Id)));
    }

    [Fact]
    public async Task With_the_reflection_shared_each_step_reads_as_written_with_nothing_to_send()
    {
        var client = await NewClientAsync();
        var (counsellor, counsellorEmail, _) = await _app.NewCounsellorAsync();
        await _app.GrantAsync(client.Email, counsellorEmail, SharingScope.PlanAndReflection);
        var root = $"/Counsellor/Clients/{client.Id}";

        var summary = await counsellor.GetAsync($"{root}/Reflection/Summary");
        Assert.Equal(HttpStatusCode.OK, summary.Status);
        Assert.Contains("Leading a kind team", summary.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Continue your reflection", summary.Text, StringComparison.Ordinal);
        HtmlChecks.AssertWellFormedAndLabelled(summary);

        var vision = await counsellor.GetAsync($"{root}/Reflection/Vision");
        Assert.Equal(HttpStatusCode.OK, vision.Status);
        Assert.Empty(vision.Document.QuerySelectorAll("main form"));
        Assert.Null(vision.Document.QuerySelector("input[name='__RequestVerificationToken']:not(form[action*='Logout'] input)"));
        var field = vision.Document.QuerySelector("[name='Input.OneYear']")!;
        Assert.Contains("Leading a kind team", field.TextContent + field.GetAttribute("value"), StringComparison.Ordinal);
        Assert.NotNull(vision.Document.QuerySelector("fieldset[disabled] [name='Input.OneYear']"));
        Assert.Null(vision.Document.QuerySelector("main button[type='submit']"));
        Assert.All(vision.Document.QuerySelectorAll("nav[aria-label='Reflection steps'] a"), a => Assert.StartsWith($"{root}/Reflection/", a.GetAttribute("href"), StringComparison.Ordinal));
        HtmlChecks.AssertWellFormedAndLabelled(vision);

        // The goal page now also has the reflection's section of the goal ("what it serves") — only with this scope.
        var goal = await counsellor.GetAsync($"{root}/Goals/{client.GoalId}");
        Assert.Equal(HttpStatusCode.OK, goal.Status);
        Assert.Contains("What it serves", goal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_narrower_scope_a_revoked_grant_or_a_removed_role_counts_from_the_counsellors_next_request()
    {
        var first = await NewClientAsync("First client's goal");
        var second = await NewClientAsync("Second client's goal");
        var (counsellor, counsellorEmail, _) = await _app.NewCounsellorAsync();
        var grant = await _app.GrantAsync(first.Email, counsellorEmail, SharingScope.PlanAndReflection);
        await _app.GrantAsync(second.Email, counsellorEmail, SharingScope.Plan);

        Assert.Equal(HttpStatusCode.OK, (await counsellor.GetAsync($"/Counsellor/Clients/{first.Id}/Reflection/Summary")).Status);
        await _app.WriteAsync(async db => (await db.CounsellorGrants.SingleAsync(g => g.Id == grant)).ChangeScope(SharingScope.Plan, _app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.NotFound, (await counsellor.GetAsync($"/Counsellor/Clients/{first.Id}/Reflection/Summary")).Status);
        Assert.Equal(HttpStatusCode.OK, (await counsellor.GetAsync($"/Counsellor/Clients/{first.Id}/Goals")).Status);

        await _app.WriteAsync(async db => (await db.CounsellorGrants.SingleAsync(g => g.Id == grant)).Revoke(_app.Clock.GetUtcNow()));
        Assert.Equal(HttpStatusCode.NotFound, (await counsellor.GetAsync($"/Counsellor/Clients/{first.Id}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await counsellor.GetAsync($"/Counsellor/Clients/{second.Id}")).Status);

        // Taking the role away ends every client's access at once, whatever the sign-in cookie still says.
        await _app.RemoveRoleAsync(counsellorEmail, AppRoles.Counsellor);
        Assert.Equal(HttpStatusCode.NotFound, (await counsellor.GetAsync($"/Counsellor/Clients/{second.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await counsellor.GetAsync($"/Counsellor/Clients/{second.Id}/Goals/{second.GoalId}")).Status);
    }

    [Fact]
    public async Task Nothing_a_counsellor_sends_changes_the_clients_records()
    {
        var client = await NewClientAsync();
        var (counsellor, counsellorEmail, _) = await _app.NewCounsellorAsync();
        await _app.GrantAsync(client.Email, counsellorEmail, SharingScope.PlanAndReflection);
        var root = $"/Counsellor/Clients/{client.Id}";
        var (milestoneId, milestoneVersion, goalVersion) = await _app.ReadAsync(async db =>
        {
            var m = await db.Milestones.SingleAsync(x => x.GoalId == client.GoalId);
            var g = await db.Goals.SingleAsync(x => x.Id == client.GoalId);
            return (m.Id, m.Version.ToString(), g.Version.ToString());
        });
        var stepVersion = await _app.ReadAsync(db => db.ReflectionSteps.Where(s => s.OwnerId == client.Id).Select(s => s.Version.ToString()).SingleAsync());

        // Well-formed posts with the counsellor's own valid antiforgery token, at the client's address and the owner's.
        var own = await counsellor.GetAsync("/Contacts/Edit");
        async Task RefusedAsync(string url, Dictionary<string, string> fields)
        {
            var answer = await counsellor.SubmitAsync(own, "#contact-form", fields, followRedirects: false, action: url);
            Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        }

        foreach (var prefix in new[] { root, string.Empty })
        {
            await RefusedAsync($"{prefix}/Goals/{client.GoalId}?handler=AddMilestone", new() { ["NewMilestone.Title"] = "Counsellor's milestone", ["NewMilestone.DueOn"] = "2027-01-05" });
            await RefusedAsync($"{prefix}/Goals/{client.GoalId}?handler=MilestoneStatus", new() { ["milestoneId"] = $"{milestoneId}", ["status"] = "Done", ["version"] = milestoneVersion });
            await RefusedAsync($"{prefix}/Goals/{client.GoalId}?handler=Status", new() { ["change"] = "pause", ["version"] = goalVersion });
            await RefusedAsync($"{prefix}/Goals/{client.GoalId}?handler=AddPlanItem", new() { ["NewPlanItem.Kind"] = "Skill", ["NewPlanItem.Text"] = "Counsellor's skill" });
        }

        await RefusedAsync($"{root}/Reflection/Vision", new() { ["Input.OneYear"] = "Counsellor's vision", ["Version"] = stepVersion });
        await RefusedAsync($"{root}/Reflection/Vision?handler=Autosave", new() { ["Input.OneYear"] = "Counsellor's vision", ["Version"] = stepVersion });
        await RefusedAsync($"{root}/Reviews?handler=Start", []);
        await RefusedAsync($"{root}/Reviews?handler=LifeChange", new() { ["LifeChange"] = "Counsellor's reason" });
        await RefusedAsync($"/Goals/Edit/{client.GoalId}", new() { ["Input.Statement"] = "Counsellor's goal" });

        var stored = await _app.ReadAsync(async db => new
        {
            Milestones = await db.Milestones.Where(m => m.OwnerId == client.Id).Select(m => new { m.Title, m.Status }).ToListAsync(),
            Goal = await db.Goals.Where(g => g.Id == client.GoalId).Select(g => new { g.Statement, g.Status }).SingleAsync(),
            Plan = await db.PlanItems.Where(p => p.OwnerId == client.Id).Select(p => p.Text).ToListAsync(),
            Reviews = await db.Reviews.CountAsync(r => r.OwnerId == client.Id),
            Step = await db.ReflectionSteps.Where(s => s.OwnerId == client.Id).Select(s => s.Version.ToString()).SingleAsync(),
        });
        Assert.Equal("Shadow a design lead", Assert.Single(stored.Milestones).Title);
        Assert.Equal(CareerCompass.Domain.Goals.MilestoneStatus.NotStarted, stored.Milestones[0].Status);
        Assert.Equal(("Lead the design team by June", CareerCompass.Domain.Goals.GoalStatus.Active), (stored.Goal.Statement, stored.Goal.Status));
        Assert.Equal(["Facilitation"], stored.Plan);
        Assert.Equal(0, stored.Reviews);
        Assert.Equal(stepVersion, stored.Step);
    }

    [Fact]
    public async Task A_counsellor_with_a_grant_still_gets_a_404_for_a_record_of_another_client_under_this_clients_address()
    {
        var first = await NewClientAsync("First client's goal");
        var second = await NewClientAsync("Second client's goal");
        var (counsellor, counsellorEmail, _) = await _app.NewCounsellorAsync();
        await _app.GrantAsync(first.Email, counsellorEmail);
        await _app.GrantAsync(second.Email, counsellorEmail);

        Assert.Equal(HttpStatusCode.NotFound, (await counsellor.GetAsync($"/Counsellor/Clients/{first.Id}/Goals/{second.GoalId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await counsellor.GetAsync($"/Counsellor/Clients/{second.Id}/Goals/{second.GoalId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await counsellor.GetAsync($"/Goals/{second.GoalId}")).Status);
    }

    [Fact]
    public async Task A_counsellors_page_runs_a_fixed_number_of_statements_including_the_grant_and_the_log()
    {
        var client = await NewClientAsync();
        var (counsellor, counsellorEmail, _) = await _app.NewCounsellorAsync();
        await _app.GrantAsync(client.Email, counsellorEmail);
        await counsellor.GetAsync($"/Counsellor/Clients/{client.Id}/Goals/{client.GoalId}");

        _app.Queries.Reset();
        await counsellor.GetAsync($"/Counsellor/Clients/{client.Id}/Goals/{client.GoalId}");
        var one = _app.Queries.Count;
        for (var i = 0; i < 5; i++)
        {
            var page = await client.Browser.GetAsync($"/Goals/{client.GoalId}");
            await client.Browser.SubmitAsync(page, "#milestone-form", new Dictionary<string, string>
            {
                ["NewMilestone.Title"] = $"Step {i}",
                ["NewMilestone.DueOn"] = _app.Clock.GetUtcNow().AddDays(10 + i).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        _app.Queries.Reset();
        await counsellor.GetAsync($"/Counsellor/Clients/{client.Id}/Goals/{client.GoalId}");
        Assert.Equal(one, _app.Queries.Count);
    }

    private sealed record Client(TestBrowser Browser, string Email, string Id, int GoalId);
}
