using CareerCompass.Domain.Goals;

namespace CareerCompass.Web.Components;

/// <summary>What the dashboard's <see cref="Timeline"/> draws: the active goals that have a deadline, on the person's today.</summary>
public sealed record TimelineView(DateOnly Today, IReadOnlyList<TimelineGoal> Goals);

/// <summary>A goal from the day it was set to its deadline, with its milestones.</summary>
public sealed record TimelineGoal(string Statement, DateOnly StartedOn, DateOnly Deadline, GoalProgress Progress, IReadOnlyList<TimelineMilestone> Milestones);

public sealed record TimelineMilestone(string Title, DateOnly DueOn, MilestoneStatus Status)
{
    /// <summary>Past its date and still open (<see cref="Milestone.IsOverdueOn"/>).</summary>
    public bool IsOverdue(DateOnly today) => Milestone.IsOverdueOn(Status, DueOn, today);
}
