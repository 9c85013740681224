using CareerCompass.Domain.Common;

namespace CareerCompass.Domain.Goals;

public enum PlanItemKind
{
    /// <summary>A skill to build.</summary>
    Skill,

    /// <summary>An obstacle expected; <see cref="PlanItem.Detail"/> says how to handle it.</summary>
    Obstacle,

    /// <summary>Support: a mentor or contact; may point at a contact in the person's log.</summary>
    Support,

    /// <summary>A course, event or certification; <see cref="PlanItem.Detail"/> may hold a link.</summary>
    Resource,
}

/// <summary>One line of a goal's action plan, added and removed through its <see cref="Goal"/>.</summary>
public sealed class PlanItem : OwnedEntity
{
    private PlanItem(string ownerId, int goalId, PlanItemKind kind, string text)
        : base(ownerId)
    {
        GoalId = goalId;
        Kind = kind;
        Text = text;
    }

    public int GoalId { get; private set; }

    public PlanItemKind Kind { get; private set; }

    public string Text { get; private set; }

    public string? Detail { get; private set; }

    public int? ContactId { get; private set; }

    internal static PlanItem Create(Goal goal, PlanItemKind kind, string? text, string? detail, int? contactId)
    {
        ArgumentNullException.ThrowIfNull(goal);
        goal.EnsureOpen();
        var tidy = Strings.Tidy(text);
        if (tidy is null)
        {
            throw new DomainRuleException(nameof(Text), "Please write something for this item.");
        }

        if (kind == PlanItemKind.Resource && Strings.Tidy(detail) is { } link && link.Contains("://", StringComparison.Ordinal)
            && !(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw new DomainRuleException(nameof(Detail), "Links need to start with http:// or https://.");
        }

        return new PlanItem(goal.OwnerId, goal.Id, kind, tidy) { Detail = Strings.Tidy(detail), ContactId = kind == PlanItemKind.Support ? contactId : null };
    }
}
