using CareerCompass.Domain.Common;

namespace CareerCompass.Domain.Sharing;

/// <summary>
/// How far one person has read one comment thread (the comments on one goal, milestone or review of a client): every
/// comment with an id up to <see cref="SeenUpToId"/> has been seen. Owned by the client whose record the thread is on,
/// so it goes with the client's account; it also goes with the reader's. Comment ids only grow, so one number per
/// thread says what is unread: the comments after it.
/// </summary>
public sealed class CommentRead : OwnedEntity
{
    private CommentRead(string ownerId, string readerId, CommentTarget target, int targetId, int seenUpToId)
        : base(ownerId)
    {
        ReaderId = readerId;
        Target = target;
        TargetId = targetId;
        SeenUpToId = seenUpToId;
    }

    /// <summary>The person who read the thread: the client's counsellor, or the client themselves.</summary>
    public string ReaderId { get; private set; }

    public CommentTarget Target { get; private set; }

    public int TargetId { get; private set; }

    /// <summary>The highest comment id the reader has seen in this thread.</summary>
    public int SeenUpToId { get; private set; }

    /// <summary>
    /// <paramref name="readerId"/> has seen the thread on <paramref name="clientId"/>'s record up to comment
    /// <paramref name="seenUpToId"/>. Whether they may read it at all is for the caller to check.
    /// </summary>
    public static CommentRead Start(string clientId, string readerId, CommentTarget target, int targetId, int seenUpToId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(readerId);
        if (!Enum.IsDefined(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A comment thread is on a goal, a milestone or a review.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seenUpToId);
        return new CommentRead(clientId, readerId, target, targetId, seenUpToId);
    }

    /// <summary>
    /// The reader has seen the thread up to <paramref name="commentId"/>. Never goes backwards: a page opened earlier
    /// (another tab, a slow request) that saw less leaves the mark where it is. Returns whether the mark moved.
    /// </summary>
    public bool MarkSeen(int commentId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(commentId);
        if (commentId <= SeenUpToId)
        {
            return false;
        }

        SeenUpToId = commentId;
        return true;
    }
}
