using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>
/// Recording that someone has read a comment thread, for the page that shows the thread. The mark only moves forwards
/// (<see cref="CommentRead.MarkSeen"/>), so two tabs opened in either order leave the later comment marked.
/// </summary>
public static class CommentReadMarks
{
    /// <summary>
    /// <paramref name="readerId"/> has seen the thread on <paramref name="clientId"/>'s
    /// <paramref name="target"/> <paramref name="targetId"/> up to comment <paramref name="seenUpToId"/>: the mark is
    /// made, or moved forwards, and saved (with anything else pending on <paramref name="db"/>). Another request making
    /// or moving the same mark at the same moment is not an error: the mark is read again and the higher id kept.
    /// Whether the reader may read the thread is for the caller to check first.
    /// </summary>
    public static async Task MarkSeenAsync(
        this AppDbContext db, string clientId, string readerId, CommentTarget target, int targetId, int seenUpToId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        for (var attempt = 1; ; attempt++)
        {
            var read = await db.CommentReads.SingleOrDefaultAsync(
                r => r.ReaderId == readerId && r.OwnerId == clientId && r.Target == target && r.TargetId == targetId, cancellationToken);
            if (read is null)
            {
                read = CommentRead.Start(clientId, readerId, target, targetId, seenUpToId);
                db.CommentReads.Add(read);
            }
            else if (!read.MarkSeen(seenUpToId))
            {
                return;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException conflict) when (Conflicts.IsRetryable(conflict) && attempt < Conflicts.MaxAttempts)
            {
                // Someone else made or moved this mark first: forget our copy and start from theirs.
                db.Entry(read).State = EntityState.Detached;
                await Conflicts.PauseAsync(attempt);
            }
        }
    }

    /// <summary>
    /// Comments clients wrote on their own records that <paramref name="readerId"/> hasn't seen yet: not deleted, and
    /// after the reader's mark on that thread (every comment in a thread without a mark). The caller narrows it to the
    /// clients the reader may see (<see cref="CounsellorAccess.ActiveGrantsOf"/>).
    /// </summary>
    public static IQueryable<Comment> UnreadClientCommentsFor(this AppDbContext db, string readerId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Comments.Where(c => c.AuthorRole == CommentAuthorRole.Client && c.DeletedAtUtc == null
            // On a record that's still there (comments on a removed milestone stay stored, but nobody can open
            // them any more, so they never count as unread).
            && ((c.Target == CommentTarget.Goal && db.Goals.Any(g => g.Id == c.TargetId && g.OwnerId == c.OwnerId))
                || (c.Target == CommentTarget.Milestone && db.Milestones.Any(m => m.Id == c.TargetId && m.OwnerId == c.OwnerId))
                || (c.Target == CommentTarget.Review && db.Reviews.Any(r => r.Id == c.TargetId && r.OwnerId == c.OwnerId && r.CompletedOn != null)))
            && c.Id > (db.CommentReads
                .Where(r => r.ReaderId == readerId && r.OwnerId == c.OwnerId && r.Target == c.Target && r.TargetId == c.TargetId)
                .Select(r => (int?)r.SeenUpToId).FirstOrDefault() ?? 0));
    }

    private static readonly CompiledQuery<Func<AppDbContext, string, IAsyncEnumerable<UnreadThread>>> UnreadCounsellorThreadsQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string clientId) => db.Comments
            .Where(c => c.OwnerId == clientId && c.AuthorRole == CommentAuthorRole.Counsellor && c.DeletedAtUtc == null
                && c.Id > (db.CommentReads
                    .Where(r => r.ReaderId == clientId && r.OwnerId == c.OwnerId && r.Target == c.Target && r.TargetId == c.TargetId)
                    .Select(r => (int?)r.SeenUpToId).FirstOrDefault() ?? 0))
            .GroupBy(c => new { c.Target, c.TargetId })
            .Select(g => new UnreadThread(g.Key.Target, g.Key.TargetId, g.Count(), g.Max(c => c.Id)))));

    /// <summary>
    /// The threads on <paramref name="clientId"/>'s own records with comments by counsellors that the client hasn't
    /// seen yet (not deleted, after the client's mark on that thread), with how many and the newest: the dashboard's
    /// "new comments" (a compiled query), asked for once a counsellor has commented at all.
    /// </summary>
    public static IAsyncEnumerable<UnreadThread> UnreadCounsellorThreads(this AppDbContext db, string clientId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return UnreadCounsellorThreadsQuery.For(db)(db, clientId);
    }

    /// <summary>The highest comment id in a thread <paramref name="readerId"/> has seen (0 when they have no mark).</summary>
    public static Task<int> SeenUpToAsync(
        this AppDbContext db, string clientId, string readerId, CommentTarget target, int targetId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CommentReads.Where(r => r.ReaderId == readerId && r.OwnerId == clientId && r.Target == target && r.TargetId == targetId)
            .Select(r => r.SeenUpToId).FirstOrDefaultAsync(cancellationToken);
    }
}

/// <summary>A thread with comments its owner hasn't read: where, how many, and the newest comment's id.</summary>
public sealed record UnreadThread(CommentTarget Target, int TargetId, int Count, int Newest);
