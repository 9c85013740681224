using CareerCompass.Domain.Common;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Sharing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Comments;

/// <summary>
/// <c>/Comments</c> (and a counsellor's <c>/Counsellor/Clients/{clientId}/Comments</c>): writing, editing and
/// removing a comment on a goal, a milestone or a review, then back to that record. Whoever may read the record may
/// comment on it — the client on their own, their counsellor through a grant covering it; only a comment's author
/// changes it, within 15 minutes. A refused comment comes back with its message and the text as typed.
/// </summary>
[SharedPage(SharedArea.Goals, "Comments")]
public sealed class Index(AppDbContext db, IAuthorizationService authorization, Subject subject, TimeProvider clock) : PageModel
{
    public const string ErrorKey = "CareerCompass.CommentError";
    public const string DraftKey = "CareerCompass.CommentDraft";
    public const string StaleComment = "This comment changed somewhere else (perhaps in another tab) since you opened the page. Here's the latest — please try again.";

    /// <summary>How much of a refused comment is kept to put back in the box (the rest would not fit in a cookie).</summary>
    private const int DraftKept = Comment.BodyLength + 200;

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    [TempData(Key = ErrorKey)]
    public string? Error { get; set; }

    [TempData(Key = DraftKey)]
    public string? Draft { get; set; }

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostWriteAsync(CommentTarget target, int targetId, string? body, Guid key)
    {
        if (await FindAsync(target, targetId) is not { } place)
        {
            return NotFound();
        }

        var me = User.RequireUserId();
        if (key != Guid.Empty && await db.Comments.CreatedWithAsync(subject.OwnerId, key) is not null)
        {
            StatusMessage = "Comment posted.";
            return Back(place);
        }

        Comment comment;
        try
        {
            comment = Comment.Write(subject.OwnerId, me, subject.IsSelf ? CommentAuthorRole.Client : CommentAuthorRole.Counsellor, target, targetId, body, clock.GetUtcNow());
        }
        catch (DomainRuleException rule)
        {
            return Refused(place, rule.Message, body, $"{target}-{targetId}".ToLowerInvariant());
        }

        db.Comments.Add(comment);
        db.SetIdempotencyKey(comment, key);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException twin) when (Conflicts.IsUniqueViolation(twin))
        {
            // The same form, sent twice at once: the first one posted it.
        }

        StatusMessage = "Comment posted.";
        return Back(place);
    }

    public Task<IActionResult> OnPostEditAsync(int commentId, string? body, Guid version) =>
        ChangeAsync(commentId, version, comment =>
        {
            comment.Edit(User.GetUserId(), body, clock.GetUtcNow());
            return "Comment updated.";
        }, body);

    public Task<IActionResult> OnPostDeleteAsync(int commentId, Guid version) =>
        ChangeAsync(commentId, version, comment => comment.Delete(User.GetUserId(), clock.GetUtcNow()) ? "Comment removed." : "That comment was already removed.", body: null);

    private async Task<IActionResult> ChangeAsync(int commentId, Guid version, Func<Comment, string> change, string? body)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId && c.OwnerId == subject.OwnerId);
        if (comment is null || !await authorization.MayAsync(User, comment, RecordOperations.Read) || await FindAsync(comment.Target, comment.TargetId) is not { } place)
        {
            return NotFound();
        }

        if (comment.Version != version && !comment.IsDeleted)
        {
            return Refused(place, StaleComment, body: null, $"comment-{comment.Id}");
        }

        string message;
        try
        {
            message = change(comment);
        }
        catch (DomainRuleException rule)
        {
            return Refused(place, rule.Message, body, $"comment-{comment.Id}");
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refused(place, StaleComment, body: null, $"comment-{comment.Id}");
        }

        StatusMessage = message;
        return Back(place);
    }

    /// <summary>
    /// The record a comment goes on, if it is the subject's and the signed-in person may read it, with the page to go
    /// back to. A review takes comments once it's complete, from the client too: until then its page offers none and
    /// the counsellor can't see it, so a comment there would only tell them of a review they may not open.
    /// </summary>
    private async Task<Place?> FindAsync(CommentTarget target, int targetId)
    {
        var owner = subject.OwnerId;
        switch (target)
        {
            case CommentTarget.Goal:
                var goal = await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == targetId && g.OwnerId == owner);
                return await authorization.MayAsync(User, goal, RecordOperations.Read) ? new Place("/Goals/Details", goal!.Id, "comments") : null;
            case CommentTarget.Milestone:
                var milestone = await db.Milestones.AsNoTracking().FirstOrDefaultAsync(m => m.Id == targetId && m.OwnerId == owner);
                return await authorization.MayAsync(User, milestone, RecordOperations.Read) ? new Place("/Goals/Details", milestone!.GoalId, $"milestone-{milestone.Id}") : null;
            case CommentTarget.Review:
                var review = await db.Reviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == targetId && r.OwnerId == owner && r.CompletedOn != null);
                return await authorization.MayAsync(User, review, RecordOperations.Read) ? new Place("/Reviews/Details", review!.Id, "comments") : null;
            default:
                return null;
        }
    }

    private RedirectToPageResult Refused(Place place, string message, string? body, string fragment)
    {
        Error = $"{fragment}|{message}";
        Draft = body is null ? null : $"{fragment}|{(body.Length > DraftKept ? body[..DraftKept] : body)}";
        return RedirectToPage(place.Page, null, new { id = place.Id, clientId = subject.ClientId }, place.Fragment);
    }

    private RedirectToPageResult Back(Place place) =>
        RedirectToPage(place.Page, null, new { id = place.Id, clientId = subject.ClientId }, place.Fragment);

    private sealed record Place(string Page, int Id, string Fragment);
}
