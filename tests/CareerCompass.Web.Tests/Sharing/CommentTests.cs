using System.Net;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CareerCompass.Web.Tests.Reviews.ReviewJourney;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// Comments both ways over HTTP: a counsellor comments on a client's goal, milestone or review; the client sees it on
/// the record and on their dashboard and replies; authors edit or remove their own for 15 minutes; bad input comes
/// back with a message and the text as typed; e-mails about new comments go at most once an hour per thread.
/// </summary>
public sealed class CommentTests : IDisposable
{
    private readonly CareerCompassFactory _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<World> NewWorldAsync(SharingScope scope = SharingScope.Plan)
    {
        var (client, clientEmail) = await _app.NewSignedInPersonAsync("client");
        var goalId = await ActiveGoalAsync(client, "Move into UX research by autumn");
        var (counsellor, counsellorEmail, counsellorId) = await _app.NewCounsellorAsync();
        await _app.GrantAsync(clientEmail, counsellorEmail, scope);
        var clientId = await _app.UserIdAsync(clientEmail);
        return new World(client, clientEmail, clientId, counsellor, counsellorEmail, counsellorId, goalId, $"/Counsellor/Clients/{clientId}");
    }

    /// <summary>Posts a comment on the record shown at <paramref name="page"/> (its main comment box).</summary>
    private static async Task<WebPage> CommentAsync(TestBrowser browser, string page, string body)
    {
        var shown = await browser.GetAsync(page);
        return await browser.SubmitAsync(shown, "#comments form[action*='handler=Write']", new Dictionary<string, string> { ["body"] = body });
    }

    [Fact]
    public async Task A_counsellors_comment_reaches_the_client_who_replies_and_each_side_sees_what_is_new()
    {
        var w = await NewWorldAsync();
        var posted = await CommentAsync(w.Counsellor, $"{w.Root}/Goals/{w.GoalId}", "Lovely goal. Have you read https://example.org/ux-guide?");
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal($"{w.Root}/Goals/{w.GoalId}", posted.Url.AbsolutePath);
        Assert.Contains("Comment posted.", posted.Text, StringComparison.Ordinal);
        Assert.Contains("Lovely goal.", posted.Text, StringComparison.Ordinal);

        // The client's dashboard says so, and links to the goal.
        var dashboard = await w.Client.GetAsync("/");
        Assert.Contains("1 new comment from your counsellor", dashboard.Text, StringComparison.Ordinal);
        var link = dashboard.Document.QuerySelector("#new-comments a")!;
        Assert.Equal($"/Goals/{w.GoalId}#comments", link.GetAttribute("href"));

        var goal = await w.Client.GetAsync($"/Goals/{w.GoalId}");
        var comment = goal.Document.QuerySelector("#comments .comment")!;
        Assert.Contains($"Your counsellor ({w.CounsellorEmail})", comment.TextContent, StringComparison.Ordinal);
        Assert.Contains("New", comment.TextContent, StringComparison.Ordinal);
        var anchor = comment.QuerySelector("a")!;
        Assert.Equal("https://example.org/ux-guide", anchor.GetAttribute("href"));
        Assert.Equal("nofollow noopener noreferrer", anchor.GetAttribute("rel"));

        // Opened: no longer new anywhere.
        Assert.DoesNotContain("new comment", (await w.Client.GetAsync("/")).Text, StringComparison.Ordinal);
        Assert.Null((await w.Client.GetAsync($"/Goals/{w.GoalId}")).Document.QuerySelector("#comments .badge.text-bg-primary"));

        // The client replies; the counsellor's caseload counts one unread reply until they open the goal.
        var reply = await CommentAsync(w.Client, $"/Goals/{w.GoalId}", "Thanks — I'll read it this week.");
        Assert.Contains("Comment posted.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(1, await UnreadForCounsellorAsync(w));
        var seen = await w.Counsellor.GetAsync($"{w.Root}/Goals/{w.GoalId}");
        Assert.Contains("Your client", seen.Document.QuerySelectorAll("#comments .comment")[1].TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await UnreadForCounsellorAsync(w));

        var stored = await _app.ReadAsync(db => db.Comments.AsNoTracking().Where(c => c.OwnerId == w.ClientId).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal([CommentAuthorRole.Counsellor, CommentAuthorRole.Client], stored.Select(c => c.AuthorRole));
        Assert.All(stored, c => Assert.Equal((CommentTarget.Goal, w.GoalId), (c.Target, c.TargetId)));
    }

    private Task<int> UnreadForCounsellorAsync(World w) =>
        _app.ReadAsync(db => db.UnreadClientCommentsFor(w.CounsellorId).CountAsync(c => c.OwnerId == w.ClientId));

    [Theory]
    [InlineData("", "Please write your comment before posting it.")]
    [InlineData("   ", "Please write your comment before posting it.")]
    [InlineData(null, "Please keep your comment under 2,000 characters (it's 2,001 now).")]
    public async Task A_refused_comment_says_why_and_keeps_what_was_typed(string? body, string message)
    {
        var w = await NewWorldAsync();
        body ??= new string('a', 2001);
        var page = await CommentAsync(w.Counsellor, $"{w.Root}/Goals/{w.GoalId}", body);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var error = page.Document.QuerySelector($"#goal-{w.GoalId}-error")!;
        Assert.Equal(message, error.TextContent.Trim());
        var box = page.Document.QuerySelector($"#goal-{w.GoalId}-body")!;
        Assert.Equal("true", box.GetAttribute("aria-invalid"));
        // What was typed is back in the box (a blank one comes back blank).
        Assert.Equal(body.Trim(), box.TextContent.Trim());
        Assert.Equal(0, await _app.ReadAsync(db => db.Comments.CountAsync()));
        HtmlChecks.AssertWellFormedAndLabelled(page);
    }

    [Fact]
    public async Task Comments_are_plain_text_markup_shows_as_typed_and_only_web_addresses_become_links()
    {
        var w = await NewWorldAsync();
        var page = await CommentAsync(w.Counsellor, $"{w.Root}/Goals/{w.GoalId}", "<script>alert(1)</script> <b>bold</b> javascript:alert(2) http://example.org/a?b=1&c=2.");
        var comment = page.Document.QuerySelector("#comments .comment p.pre-line")!;
        Assert.Empty(comment.QuerySelectorAll("script, b"));
        Assert.Contains("<script>alert(1)</script> <b>bold</b> javascript:alert(2)", comment.TextContent, StringComparison.Ordinal);
        var link = Assert.Single(comment.QuerySelectorAll("a"));
        Assert.Equal("http://example.org/a?b=1&c=2", link.GetAttribute("href"));
        Assert.Equal("http://example.org/a?b=1&c=2", link.TextContent);
    }

    [Fact]
    public async Task An_author_edits_or_removes_their_own_comment_for_fifteen_minutes_and_nobody_else_can()
    {
        var w = await NewWorldAsync();
        var page = await CommentAsync(w.Counsellor, $"{w.Root}/Goals/{w.GoalId}", "First thoughts");
        var id = await _app.ReadAsync(db => db.Comments.Select(c => c.Id).SingleAsync());

        // The client sees no edit controls on someone else's comment, and a forged edit is refused with a message.
        var clients = await w.Client.GetAsync($"/Goals/{w.GoalId}");
        Assert.Null(clients.Document.QuerySelector($"#comment-{id}-edit"));
        var version = await _app.ReadAsync(db => db.Comments.Select(c => c.Version.ToString()).SingleAsync());
        var forged = await w.Client.SubmitAsync(clients, $"#goal-{w.GoalId}-form", new Dictionary<string, string> { ["commentId"] = $"{id}", ["version"] = version, ["body"] = "Changed by the client" }, action: "/Comments?handler=Edit");
        Assert.Contains("Only the person who wrote a comment can change or remove it.", forged.Text, StringComparison.Ordinal);

        _app.Clock.Advance(TimeSpan.FromMinutes(14));
        page = await w.Counsellor.GetAsync($"{w.Root}/Goals/{w.GoalId}");
        page = await w.Counsellor.SubmitAsync(page, $"#comment-{id}-edit", new Dictionary<string, string> { ["body"] = "Second thoughts" });
        Assert.Contains("Comment updated.", page.Text, StringComparison.Ordinal);
        Assert.Contains("Second thoughts", page.Text, StringComparison.Ordinal);
        Assert.Contains("edited", page.Document.QuerySelector($"#comment-{id}")!.TextContent, StringComparison.Ordinal);

        // A tab left open from before that edit is refused as stale.
        var stale = await w.Counsellor.SubmitAsync(page, $"#comment-{id}-edit", new Dictionary<string, string> { ["body"] = "Third", ["version"] = version });
        Assert.Contains(CareerCompass.Web.Pages.Comments.Index.StaleComment, stale.Text, StringComparison.Ordinal);

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        page = await w.Counsellor.GetAsync($"{w.Root}/Goals/{w.GoalId}");
        Assert.Null(page.Document.QuerySelector($"#comment-{id}-edit"));
        var late = await w.Counsellor.SubmitAsync(stale, $"#comment-{id}-delete", followRedirects: true);
        Assert.Contains("that time has passed", late.Text, StringComparison.Ordinal);
        Assert.Equal("Second thoughts", await _app.ReadAsync(db => db.Comments.Select(c => c.Body).SingleAsync()));
    }

    [Fact]
    public async Task A_removed_comment_shows_that_it_was_removed_and_a_departed_counsellor_is_a_former_counsellor()
    {
        var w = await NewWorldAsync();
        var page = await CommentAsync(w.Counsellor, $"{w.Root}/Goals/{w.GoalId}", "Oops, wrong client");
        var id = await _app.ReadAsync(db => db.Comments.Select(c => c.Id).SingleAsync());
        page = await w.Counsellor.SubmitAsync(page, $"#comment-{id}-delete");
        Assert.Contains("Comment removed.", page.Text, StringComparison.Ordinal);
        Assert.Contains(Comment.RemovedText, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Oops, wrong client", page.Html, StringComparison.Ordinal);
        await CommentAsync(w.Counsellor, $"{w.Root}/Goals/{w.GoalId}", "The right comment");

        await _app.WriteAsync(async db => db.Users.Remove(await db.Users.SingleAsync(u => u.Id == w.CounsellorId)));
        var clients = await w.Client.GetAsync($"/Goals/{w.GoalId}");
        Assert.Contains(Comment.FormerCounsellor, clients.Document.QuerySelectorAll("#comments .comment")[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("The right comment", clients.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_comment_form_sent_twice_posts_one_comment()
    {
        var w = await NewWorldAsync();
        var page = await w.Counsellor.GetAsync($"{w.Root}/Goals/{w.GoalId}");
        await w.Counsellor.SubmitAsync(page, $"#goal-{w.GoalId}-form", new Dictionary<string, string> { ["body"] = "Once" });
        await w.Counsellor.SubmitAsync(page, $"#goal-{w.GoalId}-form", new Dictionary<string, string> { ["body"] = "Once" });
        Assert.Equal(1, await _app.ReadAsync(db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task Milestones_and_completed_reviews_take_comments_a_review_in_progress_does_not()
    {
        var w = await NewWorldAsync();
        await AddDoneMilestoneAsync(w.Client, w.GoalId, "Interview three researchers", DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime).AddDays(3));
        var milestoneId = await _app.ReadAsync(db => db.Milestones.Select(m => m.Id).SingleAsync());
        var goal = await w.Counsellor.GetAsync($"{w.Root}/Goals/{w.GoalId}");
        var posted = await w.Counsellor.SubmitAsync(goal, $"#milestone-{milestoneId}-form", new Dictionary<string, string> { ["body"] = "Great step" });
        Assert.EndsWith($"#milestone-{milestoneId}", posted.Url.ToString(), StringComparison.Ordinal);
        // The goal has no comment of its own, only its milestone: both sides' goal pages show it (the client's after the
        // dashboard, since opening it marks the comment read).
        Assert.Contains("Great step", posted.Document.QuerySelector($"#milestone-{milestoneId}")!.TextContent, StringComparison.Ordinal);
        Assert.Equal((CommentTarget.Milestone, milestoneId), await _app.ReadAsync(db => db.Comments.Select(c => new ValueTuple<CommentTarget, int>(c.Target, c.TargetId)).SingleAsync()));
        var dashboard = await w.Client.GetAsync("/");
        Assert.Contains("1 new comment on a milestone of", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("Great step", (await w.Client.GetAsync($"/Goals/{w.GoalId}")).Document.QuerySelector($"#milestone-{milestoneId}")!.TextContent, StringComparison.Ordinal);

        var (_, reviewId) = await StartAsync(w.Client);
        var refused = await w.Counsellor.SubmitAsync(goal, $"#goal-{w.GoalId}-form", new Dictionary<string, string> { ["body"] = "On the review", ["target"] = "Review", ["targetId"] = $"{reviewId}" }, followRedirects: false);
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        await AnswerAsync(w.Client, reviewId, ("Keep", null));
        await CompleteAsync(w.Client, reviewId);
        var review = await w.Counsellor.GetAsync($"{w.Root}/Reviews/{reviewId}");
        posted = await w.Counsellor.SubmitAsync(review, $"#review-{reviewId}-form", new Dictionary<string, string> { ["body"] = "A thoughtful review" });
        Assert.Contains("A thoughtful review", posted.Text, StringComparison.Ordinal);
        Assert.Contains("A thoughtful review", (await w.Client.GetAsync($"/Reviews/{reviewId}")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comment_emails_go_at_most_once_an_hour_per_thread_not_for_what_was_read_and_not_to_those_who_turned_them_off()
    {
        var w = await NewWorldAsync();
        foreach (var body in new[] { "One", "Two", "Three" })
        {
            await CommentAsync(w.Counsellor, $"{w.Root}/Goals/{w.GoalId}", body);
        }

        Assert.Equal(1, await PassAsync());
        var mail = Assert.Single(_app.Mailbox.To(w.ClientEmail, "You have 3 new comments on your plan"));
        Assert.Contains($"http://localhost/Goals/{w.GoalId}#comments", mail.Body, StringComparison.Ordinal);
        Assert.Contains("/Reminders/Off?t=", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("One", mail.Subject, StringComparison.Ordinal);

        // Within the hour: another comment waits; after it, one e-mail about the one that waited.
        _app.Clock.Advance(TimeSpan.FromMinutes(10));
        await CommentAsync(w.Counsellor, $"{w.Root}/Goals/{w.GoalId}", "Four");
        Assert.Equal(0, await PassAsync());
        _app.Clock.Advance(TimeSpan.FromMinutes(50));
        Assert.Equal(1, await PassAsync());
        Assert.Single(_app.Mailbox.To(w.ClientEmail, "You have a new comment on your plan"));
        Assert.Equal(0, await PassAsync());

        // A reply goes to the counsellor; what they have already read by the time of the pass isn't mailed.
        await CommentAsync(w.Client, $"/Goals/{w.GoalId}", "Reply one");
        Assert.Equal(1, await PassAsync());
        var toCounsellor = Assert.Single(_app.Mailbox.To(w.CounsellorEmail, "A new comment from your client"));
        Assert.Contains($"http://localhost{w.Root}/Goals/{w.GoalId}#comments", toCounsellor.Links);
        _app.Clock.Advance(TimeSpan.FromHours(2));
        await CommentAsync(w.Client, $"/Goals/{w.GoalId}", "Reply two");
        await w.Counsellor.GetAsync($"{w.Root}/Goals/{w.GoalId}");
        Assert.Equal(0, await PassAsync());

        // Turned off in Settings: nothing more for the client.
        var settings = await w.Client.GetAsync("/Settings");
        await w.Client.SubmitAsync(settings, "form[action*='handler=Reviews']", new Dictionary<string, string> { ["Reviews.CommentMailOn"] = "false" });
        Assert.False(await _app.ReadAsync(db => db.ReviewSchedules.Where(s => s.OwnerId == w.ClientId).Select(s => s.CommentMailOn).SingleAsync()));
        _app.Clock.Advance(TimeSpan.FromHours(2));
        await CommentAsync(w.Counsellor, $"{w.Root}/Goals/{w.GoalId}", "Five");
        Assert.Equal(0, await PassAsync());
        Assert.Equal(2, _app.Mailbox.All().Count(m => m.To.Contains(w.ClientEmail, StringComparison.Ordinal) && m.Subject.Contains("on your plan", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_link_in_a_comment_email_turns_them_off_with_a_button()
    {
        var w = await NewWorldAsync();
        await CommentAsync(w.Counsellor, $"{w.Root}/Goals/{w.GoalId}", "Hello");
        await PassAsync();
        var mail = _app.Mailbox.To(w.ClientEmail, "You have a new comment on your plan").Single();
        var off = System.Text.RegularExpressions.Regex.Match(mail.Body, @"http://localhost(/Reminders/Off\?t=[^\s]+)", System.Text.RegularExpressions.RegexOptions.NonBacktracking).Groups[1].Value;
        var anonymous = _app.NewBrowser();
        var page = await anonymous.GetAsync(off);
        Assert.Contains("e-mails about new comments", page.Text, StringComparison.Ordinal);
        await anonymous.SubmitAsync(page, "main form");
        Assert.False(await _app.ReadAsync(db => db.ReviewSchedules.Where(s => s.OwnerId == w.ClientId).Select(s => s.CommentMailOn).SingleAsync()));
    }

    [Fact]
    public async Task Comments_on_a_milestone_that_was_removed_send_no_email_with_nowhere_to_go()
    {
        var w = await NewWorldAsync();
        await AddDoneMilestoneAsync(w.Client, w.GoalId, "A step", DateOnly.FromDateTime(_app.Clock.GetUtcNow().UtcDateTime).AddDays(3));
        var milestoneId = await _app.ReadAsync(db => db.Milestones.Select(m => m.Id).SingleAsync());
        var goal = await w.Counsellor.GetAsync($"{w.Root}/Goals/{w.GoalId}");
        await w.Counsellor.SubmitAsync(goal, $"#milestone-{milestoneId}-form", new Dictionary<string, string> { ["body"] = "Nice" });
        // Removed before the client opened the goal (say, from another device), so the comment is unread.
        await _app.WriteAsync(async db => db.Milestones.Remove(await db.Milestones.SingleAsync()));
        Assert.Equal(0, await PassAsync());

        // A reply there before it went no longer counts as unread for the counsellor: there's nothing to open.
        await _app.WriteAsync(db =>
        {
            db.Comments.Add(Comment.Write(w.ClientId, w.ClientId, CommentAuthorRole.Client, CommentTarget.Milestone, milestoneId, "Reply on the removed step", _app.Clock.GetUtcNow()));
            return Task.CompletedTask;
        });
        Assert.Equal(0, await UnreadForCounsellorAsync(w));
        await CommentAsync(w.Client, $"/Goals/{w.GoalId}", "Reply on the goal");
        Assert.Equal(1, await UnreadForCounsellorAsync(w));
    }

    private async Task<int> PassAsync()
    {
        using var scope = _app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CommentMailPass>().RunAsync();
    }

    private sealed record World(TestBrowser Client, string ClientEmail, string ClientId, TestBrowser Counsellor, string CounsellorEmail, string CounsellorId, int GoalId, string Root);
}
