using CareerCompass.Domain.Common;

namespace CareerCompass.Domain.Goals;

public enum MilestoneStatus
{
    NotStarted,
    InProgress,
    Done,
    Skipped,
}

/// <summary>
/// A dated step towards a goal. Never due after the goal's deadline, nor before the goal was set. Made and changed
/// through its <see cref="Goal"/> only.
/// </summary>
public sealed class Milestone : OwnedEntity
{
    private Milestone(string ownerId, int goalId)
        : base(ownerId)
    {
        GoalId = goalId;
        Title = string.Empty;
    }

    public int GoalId { get; private set; }

    public string Title { get; private set; }

    public DateOnly DueOn { get; private set; }

    public int Order { get; private set; }

    public MilestoneStatus Status { get; private set; }

    public string? Notes { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    internal static Milestone Create(Goal goal, string? title, DateOnly dueOn, string? notes, int order)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var milestone = new Milestone(goal.OwnerId, goal.Id) { Order = order };
        milestone.Update(goal, title, dueOn, notes);
        return milestone;
    }

    internal void Update(Goal goal, string? title, DateOnly dueOn, string? notes)
    {
        ArgumentNullException.ThrowIfNull(goal);
        goal.EnsureOpen();
        var tidy = Strings.Tidy(title);
        if (tidy is null)
        {
            throw new DomainRuleException(nameof(Title), "Please name the milestone — a small, concrete step.");
        }

        if (goal.Deadline is { } deadline && dueOn > deadline)
        {
            throw new DomainRuleException(nameof(DueOn), $"This milestone would be due after the goal's deadline ({deadline:d MMM yyyy}). Choose an earlier date, or move the goal's deadline.");
        }

        if (dueOn < goal.StartedOn)
        {
            throw new DomainRuleException(nameof(DueOn), $"A milestone can't be due before you set the goal ({goal.StartedOn:d MMM yyyy}).");
        }

        Title = tidy;
        DueOn = dueOn;
        Notes = Strings.Tidy(notes);
    }

    /// <summary>Sets the status; "done" records the day (and clears it if the step is reopened).</summary>
    internal void SetStatus(MilestoneStatus status, DateOnly today)
    {
        Status = status;
        CompletedOn = status == MilestoneStatus.Done ? CompletedOn ?? today : null;
    }

    /// <summary>Numbers milestones 0, 1, 2… in the order given, so no two share a place.</summary>
    internal static void Renumber(IEnumerable<Milestone> inOrder)
    {
        ArgumentNullException.ThrowIfNull(inOrder);
        var i = 0;
        foreach (var milestone in inOrder)
        {
            milestone.Order = i++;
        }
    }

    public bool IsOverdue(DateOnly today) => IsOverdueOn(Status, DueOn, today);

    /// <summary>Still to do: not started or in progress (neither done nor skipped).</summary>
    public static bool IsOpen(MilestoneStatus status) => status is MilestoneStatus.NotStarted or MilestoneStatus.InProgress;

    /// <summary>
    /// The overdue rule, for a milestone or a row read of one: still open and its date has passed (today itself is
    /// not overdue). The caseload counts it in SQL and spells the same rule out there (<c>Caseload</c>).
    /// </summary>
    public static bool IsOverdueOn(MilestoneStatus status, DateOnly dueOn, DateOnly today) => IsOpen(status) && dueOn < today;
}

public sealed record GoalProgress(int Done, int Counted)
{
    public int Percent => Counted == 0 ? 0 : (int)Math.Round(100.0 * Done / Counted);

    public bool IsComplete => Counted > 0 && Done == Counted;

    /// <summary>Progress from milestones: done out of all that aren't skipped.</summary>
    public static GoalProgress Of(IEnumerable<MilestoneStatus> statuses)
    {
        var list = statuses.ToList();
        return new GoalProgress(list.Count(s => s == MilestoneStatus.Done), list.Count(s => s != MilestoneStatus.Skipped));
    }
}
