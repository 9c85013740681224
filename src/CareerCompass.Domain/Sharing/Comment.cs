using CareerCompass.Domain.Common;

namespace CareerCompass.Domain.Sharing;

/// <summary>What a comment is written on.</summary>
public enum CommentTarget
{
    Goal,
    Milestone,
    Review,
}

/// <summary>Who wrote a comment: the client on their own record, or their counsellor.</summary>
public enum CommentAuthorRole
{
    Client,
    Counsellor,
}

/// <summary>
/// A plain-text comment on a goal, a milestone or a review, by the client or their counsellor. Owned by the client
/// whose record it is on. Its author can edit or delete it for <see cref="EditMinutes"/> minutes after writing it; a
/// deleted comment keeps no text, only the fact that it was removed. When a counsellor's account is deleted their
/// comments stay, shown as by <see cref="FormerCounsellor"/>.
/// </summary>
public sealed class Comment : OwnedEntity
{
    public const int BodyLength = 2000;

    /// <summary>How long after writing a comment its author can still edit or delete it.</summary>
    public const int EditMinutes = 15;

    /// <summary>How a comment's author is shown once their account is gone.</summary>
    public const string FormerCounsellor = "a former counsellor";

    /// <summary>What is shown in place of a deleted comment.</summary>
    public const string RemovedText = "This comment was removed.";

    private static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(EditMinutes);

    private Comment(string ownerId, string authorId, CommentAuthorRole authorRole, CommentTarget target, int targetId, string body, DateTime writtenAtUtc)
        : base(ownerId)
    {
        AuthorId = authorId;
        AuthorRole = authorRole;
        Target = target;
        TargetId = targetId;
        Body = body;
        WrittenAtUtc = writtenAtUtc;
    }

    /// <summary>The author's account; null once that account is deleted (see <see cref="IsByFormerAuthor"/>).</summary>
    public string? AuthorId { get; private set; }

    public CommentAuthorRole AuthorRole { get; private set; }

    public bool IsByClient => AuthorRole == CommentAuthorRole.Client;

    /// <summary>The author's account was deleted: shown as by <see cref="FormerCounsellor"/>.</summary>
    public bool IsByFormerAuthor => AuthorId is null;

    public CommentTarget Target { get; private set; }

    public int TargetId { get; private set; }

    /// <summary>The part of the client's records the comment belongs to, for checking a counsellor's grant.</summary>
    public SharedArea Area => Target == CommentTarget.Review ? SharedArea.Reviews : SharedArea.Goals;

    /// <summary>The text, tidied; null once the comment is deleted.</summary>
    public string? Body { get; private set; }

    /// <summary>
    /// When the comment was written: the edit window runs from here. Set from the clock when it is written, not by
    /// <see cref="OwnedEntity.Stamp"/>, so it doesn't depend on when the record was saved.
    /// </summary>
    public DateTime WrittenAtUtc { get; private set; }

    public DateTime? EditedAtUtc { get; private set; }

    public DateTime? DeletedAtUtc { get; private set; }

    public bool IsDeleted => DeletedAtUtc is not null;

    /// <summary>
    /// A new comment by <paramref name="authorId"/> on a record of <paramref name="ownerId"/>. Whether the author may
    /// comment there at all (the owner, or a counsellor whose grant allows the area) is for the caller to check.
    /// </summary>
    public static Comment Write(string ownerId, string authorId, CommentAuthorRole authorRole, CommentTarget target, int targetId, string? body, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorId);
        if (!Enum.IsDefined(authorRole) || (authorRole == CommentAuthorRole.Client) != (authorId == ownerId))
        {
            throw new ArgumentException("A client comments on their own records; a counsellor on someone else's.", nameof(authorRole));
        }

        if (!Enum.IsDefined(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "A comment goes on a goal, a milestone or a review.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetId);
        return new Comment(ownerId, authorId, authorRole, target, targetId, CheckBody(body), now.UtcDateTime);
    }

    /// <summary>Whether <paramref name="authorId"/> can still edit or delete this comment at <paramref name="now"/>.</summary>
    public bool CanChange(string? authorId, DateTimeOffset now) =>
        !IsDeleted && IsAuthor(authorId) && WithinWindow(now);

    /// <summary>The author changes the text, within <see cref="EditMinutes"/> minutes of writing it.</summary>
    public void Edit(string? authorId, string? body, DateTimeOffset now)
    {
        EnsureChangeable(authorId, now);
        Body = CheckBody(body);
        EditedAtUtc = now.UtcDateTime;
    }

    /// <summary>
    /// The author removes the comment, within <see cref="EditMinutes"/> minutes of writing it: its text is dropped,
    /// and it shows that it was removed. Deleting it again (a second click, another tab) changes nothing. Returns
    /// whether this call deleted it.
    /// </summary>
    public bool Delete(string? authorId, DateTimeOffset now)
    {
        if (IsDeleted && IsAuthor(authorId))
        {
            return false;
        }

        EnsureChangeable(authorId, now);
        Body = null;
        DeletedAtUtc = now.UtcDateTime;
        return true;
    }

    /// <summary>The author's account was deleted: the comment stays, shown as by <see cref="FormerCounsellor"/>.</summary>
    public void AuthorLeft() => AuthorId = null;

    private bool IsAuthor(string? authorId) => AuthorId is not null && authorId == AuthorId;

    // Inclusive: at exactly 15 minutes the comment can still be changed. A clock a little behind counts as within.
    private bool WithinWindow(DateTimeOffset now) => now.UtcDateTime - WrittenAtUtc <= EditWindow;

    private void EnsureChangeable(string? authorId, DateTimeOffset now)
    {
        if (!IsAuthor(authorId))
        {
            throw new DomainRuleException(string.Empty, "Only the person who wrote a comment can change or remove it.");
        }

        if (IsDeleted)
        {
            throw new DomainRuleException(string.Empty, "This comment was removed, so there's nothing to change.");
        }

        if (!WithinWindow(now))
        {
            throw new DomainRuleException(string.Empty, $"A comment can be changed or removed for {EditMinutes} minutes after it's written, and that time has passed. You can add a new comment instead.");
        }
    }

    private static string CheckBody(string? body)
    {
        var text = Strings.Tidy(body);
        if (text is null)
        {
            throw new DomainRuleException(nameof(Body), "Please write your comment before posting it.");
        }

        if (text.Length > BodyLength)
        {
            throw new DomainRuleException(nameof(Body), $"Please keep your comment under {BodyLength:N0} characters (it's {text.Length:N0} now).");
        }

        return text;
    }
}
