using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>One comment as a page shows it.</summary>
public sealed record CommentView(
    int Id, string Author, bool ByViewer, bool ByClient, string? Body, DateTime WrittenAtUtc, bool Edited, bool Deleted, bool New, bool CanChange, Guid Version);

/// <summary>The comments on one goal, milestone or review, oldest first.</summary>
public sealed record CommentThread(CommentTarget Target, int TargetId, IReadOnlyList<CommentView> Comments)
{
    public static CommentThread Empty(CommentTarget target, int targetId) => new(target, targetId, []);

    public int NewCount => Comments.Count(c => c.New);
}

/// <summary>
/// Loads the comment threads a page shows — all of them in three statements whatever their number (the comments,
/// their authors' addresses, the viewer's read marks) — and marks them read for the viewer: only when something
/// was new, and in a context of its own, so a page showing a refused change again never saves that change with them.
/// The caller has checked that the viewer may read the records.
/// </summary>
public sealed class CommentThreads(AppDbContext db, IServiceScopeFactory scopes, TimeProvider clock)
{
    // Every view of a goal page (and of a review) runs it: a compiled query.
    private static readonly CompiledQuery<Func<AppDbContext, string, int[], int[], int[], IAsyncEnumerable<Comment>>> CommentsOn = new(() =>
        EF.CompileAsyncQuery<AppDbContext, string, int[], int[], int[], Comment>((db, ownerId, goals, milestones, reviews) => db.Comments.AsNoTracking()
            .Where(c => c.OwnerId == ownerId && ((c.Target == CommentTarget.Goal && goals.Contains(c.TargetId))
                || (c.Target == CommentTarget.Milestone && milestones.Contains(c.TargetId))
                || (c.Target == CommentTarget.Review && reviews.Contains(c.TargetId))))
            .OrderBy(c => c.Id)));

    public async Task<IReadOnlyDictionary<(CommentTarget, int), CommentThread>> LoadAsync(
        string ownerId, string viewerId, IReadOnlyCollection<(CommentTarget Target, int Id)> targets, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var goals = targets.Where(t => t.Target == CommentTarget.Goal).Select(t => t.Id).ToArray();
        var milestones = targets.Where(t => t.Target == CommentTarget.Milestone).Select(t => t.Id).ToArray();
        var reviews = targets.Where(t => t.Target == CommentTarget.Review).Select(t => t.Id).ToArray();
        var comments = await CommentsOn.For(db)(db, ownerId, goals, milestones, reviews).ToListAsync(cancellationToken);
        var result = targets.Distinct().ToDictionary(t => t, t => CommentThread.Empty(t.Target, t.Id));
        if (comments.Count == 0)
        {
            return result;
        }

        var authorIds = comments.Where(c => c.AuthorId is not null && !c.IsByClient).Select(c => c.AuthorId!).Distinct().ToList();
        var authors = authorIds.Count == 0
            ? new Dictionary<string, string>()
            : await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "your counsellor", cancellationToken);
        var marks = await db.CommentReads.AsNoTracking()
            .Where(r => r.ReaderId == viewerId && r.OwnerId == ownerId && ((r.Target == CommentTarget.Goal && goals.Contains(r.TargetId))
                || (r.Target == CommentTarget.Milestone && milestones.Contains(r.TargetId))
                || (r.Target == CommentTarget.Review && reviews.Contains(r.TargetId))))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var moved = new List<(CommentTarget Target, int Id, int Newest)>();
        var viewerIsClient = viewerId == ownerId;
        foreach (var thread in comments.GroupBy(c => (c.Target, c.TargetId)))
        {
            var mark = marks.FirstOrDefault(m => m.Target == thread.Key.Target && m.TargetId == thread.Key.TargetId);
            var seen = mark?.SeenUpToId ?? 0;
            result[thread.Key] = new CommentThread(thread.Key.Target, thread.Key.TargetId, thread.Select(c => new CommentView(
                c.Id,
                AuthorOf(c, viewerId, viewerIsClient, authors),
                c.AuthorId == viewerId,
                c.IsByClient,
                c.Body,
                c.WrittenAtUtc,
                c.EditedAtUtc is not null,
                c.IsDeleted,
                c.Id > seen && c.AuthorId != viewerId && !c.IsDeleted,
                c.CanChange(viewerId, now),
                c.Version)).ToList());
            var newest = thread.Max(c => c.Id);
            if (newest > seen)
            {
                moved.Add((thread.Key.Target, thread.Key.TargetId, newest));
            }
        }

        if (moved.Count > 0)
        {
            await MarkAsync(ownerId, viewerId, moved, cancellationToken);
        }

        return result;
    }

    private async Task MarkAsync(string ownerId, string viewerId, List<(CommentTarget Target, int Id, int Newest)> moved, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var marking = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = moved.Select(m => m.Id).ToList();
        var marks = await marking.CommentReads
            .Where(r => r.ReaderId == viewerId && r.OwnerId == ownerId && ids.Contains(r.TargetId))
            .ToListAsync(cancellationToken);
        foreach (var (target, id, newest) in moved)
        {
            if (marks.FirstOrDefault(m => m.Target == target && m.TargetId == id) is { } mark)
            {
                mark.MarkSeen(newest);
            }
            else
            {
                marking.CommentReads.Add(CommentRead.Start(ownerId, viewerId, target, id, newest));
            }
        }

        try
        {
            await marking.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException conflict) when (Conflicts.IsRetryable(conflict))
        {
            // Another tab marked the same threads at the same moment: theirs stands. Marks only ever move forwards and
            // are only a convenience ("new" badges), so nothing is lost by dropping ours.
        }
    }

    private static string AuthorOf(Comment comment, string viewerId, bool viewerIsClient, Dictionary<string, string> authors)
    {
        if (comment.AuthorId == viewerId)
        {
            return "You";
        }

        if (comment.IsByClient)
        {
            return "Your client";
        }

        if (comment.AuthorId is null || !authors.TryGetValue(comment.AuthorId, out var email))
        {
            return comment.IsByFormerAuthor ? Comment.FormerCounsellor : "A counsellor";
        }

        return viewerIsClient ? $"Your counsellor ({email})" : $"Counsellor ({email})";
    }
}
