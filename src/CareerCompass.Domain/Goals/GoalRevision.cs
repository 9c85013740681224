using CareerCompass.Domain.Common;

namespace CareerCompass.Domain.Goals;

/// <summary>The parts of a goal its history follows.</summary>
public enum GoalField
{
    Statement,
    Horizon,
    Measure,
    Target,
    Deadline,
    Confidence,
    Links,
    Status,
}

/// <summary>A goal's wording, dates and status at one moment: what a revision keeps, and what it is compared with.</summary>
public sealed record GoalSnapshot(
    string Statement,
    GoalHorizon Horizon,
    string? Measure,
    string? Target,
    DateOnly? Deadline,
    int? Confidence,
    IReadOnlyList<ReflectionLink> Links,
    GoalStatus Status)
{
    /// <summary>The fields that differ from <paramref name="after"/>, in the order a person reads a goal.</summary>
    public IReadOnlyList<GoalField> ChangesTo(GoalSnapshot after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var changed = new List<GoalField>();
        void Check(GoalField field, bool same)
        {
            if (!same)
            {
                changed.Add(field);
            }
        }

        Check(GoalField.Statement, string.Equals(Statement, after.Statement, StringComparison.Ordinal));
        Check(GoalField.Horizon, Horizon == after.Horizon);
        Check(GoalField.Measure, string.Equals(Measure, after.Measure, StringComparison.Ordinal));
        Check(GoalField.Target, string.Equals(Target, after.Target, StringComparison.Ordinal));
        Check(GoalField.Deadline, Deadline == after.Deadline);
        Check(GoalField.Confidence, Confidence == after.Confidence);
        Check(GoalField.Links, Links.ToHashSet().SetEquals(after.Links));
        Check(GoalField.Status, Status == after.Status);
        return changed;
    }
}

/// <summary>
/// One earlier version of a goal: what it said just before a change (an edit, a review, retiring or achieving it),
/// when the change was made, why, and from which review. Written by <see cref="Goal"/>; never changed afterwards.
/// </summary>
public sealed class GoalRevision : OwnedEntity
{
    public const int ReasonLength = 500;

    private GoalRevision(string ownerId, int goalId)
        : base(ownerId)
    {
        GoalId = goalId;
        Statement = string.Empty;
    }

    public int GoalId { get; private set; }

    public string Statement { get; private set; }

    public GoalHorizon Horizon { get; private set; }

    public string? Measure { get; private set; }

    public string? Target { get; private set; }

    public DateOnly? Deadline { get; private set; }

    public int? Confidence { get; private set; }

    public List<ReflectionLink> Links { get; private set; } = [];

    public GoalStatus Status { get; private set; }

    /// <summary>When the change was made (UTC).</summary>
    public DateTime RecordedAtUtc { get; private set; }

    /// <summary>Why, in the person's words (or "Achieved"); optional.</summary>
    public string? Reason { get; private set; }

    /// <summary>The review this change came from, if any.</summary>
    public int? ReviewId { get; private set; }

    public GoalSnapshot Before => new(Statement, Horizon, Measure, Target, Deadline, Confidence, Links, Status);

    /// <summary>A reason as it will be stored: tidied, within <see cref="ReasonLength"/>.</summary>
    public static string? CheckReason(string? reason)
    {
        var tidy = Strings.Tidy(reason);
        if (tidy is { Length: > ReasonLength })
        {
            throw new DomainRuleException(nameof(Reason), $"Please keep the reason under {ReasonLength} characters.");
        }

        return tidy;
    }

    internal static GoalRevision Of(Goal goal, GoalSnapshot before, string? reason, int? reviewId, DateTimeOffset now) => new(goal.OwnerId, goal.Id)
    {
        Statement = before.Statement,
        Horizon = before.Horizon,
        Measure = before.Measure,
        Target = before.Target,
        Deadline = before.Deadline,
        Confidence = before.Confidence,
        Links = [.. before.Links],
        Status = before.Status,
        RecordedAtUtc = now.UtcDateTime,
        Reason = CheckReason(reason),
        ReviewId = reviewId,
    };
}

/// <summary>One line of a goal's history: the version it was, the version it became, and what differs.</summary>
public sealed record GoalHistoryEntry(GoalRevision Revision, GoalSnapshot Before, GoalSnapshot After, IReadOnlyList<GoalField> Changed);
