using CareerCompass.Domain.Common;

namespace CareerCompass.Domain.Sharing;

/// <summary>
/// What one person has been e-mailed about one comment thread: the newest comment the last e-mail covered and when
/// it went. A thread sends a person at most one e-mail every <see cref="QuietMinutes"/> minutes, however many comments
/// arrive; what comes in meanwhile goes into the next one. Owned by the client whose record the thread is on.
/// </summary>
public sealed class CommentNotice : OwnedEntity
{
    /// <summary>The least time between two e-mails to one person about one thread.</summary>
    public const int QuietMinutes = 60;

    private CommentNotice(string ownerId, string recipientId, CommentTarget target, int targetId)
        : base(ownerId)
    {
        RecipientId = recipientId;
        Target = target;
        TargetId = targetId;
    }

    public string RecipientId { get; private set; }

    public CommentTarget Target { get; private set; }

    public int TargetId { get; private set; }

    /// <summary>The newest comment the last e-mail was about (0 before the first).</summary>
    public int NotifiedUpToId { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public static CommentNotice Start(string clientId, string recipientId, CommentTarget target, int targetId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientId);
        if (!Enum.IsDefined(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A comment thread is on a goal, a milestone or a review.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetId);
        return new CommentNotice(clientId, recipientId, target, targetId);
    }

    /// <summary>
    /// Whether an e-mail is due now about comments up to <paramref name="newestId"/>, given that the person has read
    /// the thread up to <paramref name="seenUpToId"/>: something newer than both the last e-mail and their reading, and
    /// the quiet time since the last e-mail has passed.
    /// </summary>
    public bool IsDue(int newestId, int seenUpToId, DateTimeOffset now) =>
        newestId > Math.Max(NotifiedUpToId, seenUpToId)
        && (SentAtUtc is null || now.UtcDateTime - SentAtUtc.Value >= TimeSpan.FromMinutes(QuietMinutes));

    /// <summary>An e-mail about comments up to <paramref name="newestId"/> is going out now.</summary>
    public void Sending(int newestId, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(newestId);
        if (newestId > NotifiedUpToId)
        {
            NotifiedUpToId = newestId;
        }

        SentAtUtc = now.UtcDateTime;
    }

    /// <summary>The e-mail didn't go (the mail server refused it): put the notice back so the next pass tries again.</summary>
    public void NotSent(int notifiedUpToId, DateTime? sentAtUtc)
    {
        NotifiedUpToId = notifiedUpToId;
        SentAtUtc = sentAtUtc;
    }
}
