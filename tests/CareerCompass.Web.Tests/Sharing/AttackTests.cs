using System.Net;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CareerCompass.Web.Tests.Reviews.ReviewJourney;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// An attack pass on sharing, over HTTP: hostile counsellors, clients and strangers trying to read more than a grant
/// covers, or to make the app tell someone about records they may not see. Each test failed before its fix.
/// </summary>
public sealed class AttackTests : IDisposable
{
    private readonly CareerCompassFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<World> NewWorldAsync(SharingScope scope)
    {
        var (client, clientEmail) = await _app.NewSignedInPersonAsync("client");
        var goalId = await ActiveGoalAsync(client, "Move into UX research by autumn");
        var (counsellor, counsellorEmail, counsellorId) = await _app.NewCounsellorAsync();
        await _app.GrantAsync(clientEmail, counsellorEmail, scope);
        var clientId = await _app.UserIdAsync(clientEmail);
        return new World(client, clientEmail, clientId, counsellor, counsellorEmail, counsellorId, goalId, $"/Counsellor/Clients/{clientId}");
    }

    [Fact]
    public async Task A_plan_only_counsellor_does_not_learn_from_the_dashboard_how_far_the_clients_reflection_has_got()
    {
        var w = await NewWorldAsync(SharingScope.Plan);
        var vision = await w.Client.GetAsync("/Reflection/Vision");
        await w.Client.SubmitAsync(vision, "form[data-autosave]", new Dictionary<string, string> { ["Input.OneYear"] = "Leading a kind team" });
        Assert.Contains("1 of 7 reflection steps done", (await w.Client.GetAsync("/")).Text, StringComparison.Ordinal);

        // The reflection isn't shared: its pages are a 404, and the dashboard shouldn't report on it either.
        Assert.Equal(HttpStatusCode.NotFound, (await w.Counsellor.GetAsync($"{w.Root}/Reflection/Summary")).Status);
        var dashboard = await w.Counsellor.GetAsync(w.Root);
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.DoesNotContain("reflection steps done", dashboard.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_comment_on_a_review_in_progress_is_refused_so_a_counsellor_is_never_told_of_a_review_they_cannot_open()
    {
        var w = await NewWorldAsync(SharingScope.Plan);
        var (_, reviewId) = await StartAsync(w.Client);

        // The review's page offers no comments until it's complete; a forged post (the goal page's comment form,
        // aimed at the review) is taken anyway.
        var goal = await w.Client.GetAsync($"/Goals/{w.GoalId}");
        var forged = await w.Client.SubmitAsync(goal, $"#goal-{w.GoalId}-form", new Dictionary<string, string>
        {
            ["body"] = "Private note while I think",
            ["target"] = "Review",
            ["targetId"] = $"{reviewId}",
        }, followRedirects: false);

        // The counsellor can't see a review in progress (404), so nothing about it should reach them.
        Assert.Equal(HttpStatusCode.NotFound, (await w.Counsellor.GetAsync($"{w.Root}/Reviews/{reviewId}")).Status);
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<CommentMailPass>().RunAsync();
        }

        Assert.Empty(_app.Mailbox.To(w.CounsellorEmail, "A new comment from your client"));
        Assert.Equal(0, await _app.ReadAsync(db => db.UnreadClientCommentsFor(w.CounsellorId).CountAsync(c => c.OwnerId == w.ClientId)));
        Assert.Equal(0, await _app.ReadAsync(db => db.Comments.CountAsync(c => c.Target == CommentTarget.Review)));
        Assert.Equal(HttpStatusCode.NotFound, forged.Status);
    }

    [Fact]
    public async Task A_HEAD_request_by_a_counsellor_is_logged_like_a_GET()
    {
        var w = await NewWorldAsync(SharingScope.Plan);
        var answer = await w.Counsellor.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{w.Root}/Goals/{w.GoalId}"), followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(1, await _app.ReadAsync(db => db.AccessLog.CountAsync(e => e.OwnerId == w.ClientId && e.RecordId == w.GoalId)));
    }

    [Fact]
    public async Task A_plan_only_counsellor_sees_no_trace_of_the_reflection_items_a_goal_serves_not_even_in_its_history()
    {
        var w = await NewWorldAsync(SharingScope.Plan);
        var values = await w.Client.GetAsync("/Reflection/Values");
        var key = values.Document.QuerySelector("input[name='Picked']")!.GetAttribute("value")!;
        await w.Client.SubmitAsync(values, "form[data-autosave]", new Dictionary<string, string> { ["Picked"] = key, ["PickedPresent"] = "true" });
        var editor = await w.Client.GetAsync($"/Goals/Edit/{w.GoalId}");
        var link = editor.Document.QuerySelector("input[name='Input.Links']")!.GetAttribute("value")!;
        await w.Client.SubmitAsync(editor, "#goal-form", new Dictionary<string, string> { ["Input.Links"] = link, ["Input.Reason"] = "It serves what I value" });
        var own = await w.Client.GetAsync($"/Goals/{w.GoalId}");
        Assert.Contains("What it serves", own.Text, StringComparison.Ordinal);

        var shared = await w.Counsellor.GetAsync($"{w.Root}/Goals/{w.GoalId}");
        Assert.DoesNotContain("What it serves", shared.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("reflection", shared.Document.QuerySelector("#history")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("It serves what I value", shared.Text, StringComparison.Ordinal); // the reason itself is the goal's
    }

    private sealed record World(TestBrowser Client, string ClientEmail, string ClientId, TestBrowser Counsellor, string CounsellorEmail, string CounsellorId, int GoalId, string Root);
}
