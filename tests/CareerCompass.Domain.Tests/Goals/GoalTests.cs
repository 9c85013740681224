using CareerCompass.Domain.Common;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;

namespace CareerCompass.Domain.Tests.Goals;

public sealed class GoalTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private static GoalDetails Smart => new(
        "Complete two leadership courses this year", GoalHorizon.ShortTerm, "courses completed", "2", Today.AddMonths(6), 8,
        Links: [new ReflectionLink(ReflectionStepKind.Values, Guid.NewGuid().ToString())]);

    private static Goal Saved(GoalDetails details)
    {
        var goal = Goal.Create("owner", details, Today);
        typeof(OwnedEntity).GetProperty(nameof(OwnedEntity.Id))!.SetValue(goal, 7);
        return goal;
    }

    [Fact]
    public void A_vague_goal_can_be_saved_as_a_draft()
    {
        var goal = Goal.Create("owner", new GoalDetails("Grow in my career", GoalHorizon.MediumTerm), Today);
        Assert.Equal(GoalStatus.Draft, goal.Status);
        Assert.False(goal.Check(Today).AllMet);
    }

    [Fact]
    public void A_goal_needs_a_statement()
    {
        var error = Assert.Throws<DomainRuleException>(() => Goal.Create("owner", new GoalDetails("  ", GoalHorizon.ShortTerm), Today));
        Assert.Equal(nameof(GoalDetails.Statement), error.Field);
    }

    [Fact]
    public void Activating_a_goal_that_is_not_smart_is_refused_unless_anyway()
    {
        var goal = Goal.Create("owner", new GoalDetails("Grow in my career", GoalHorizon.MediumTerm), Today);

        Assert.Throws<DomainRuleException>(() => goal.Activate(Today, anyway: false, Now));
        goal.Activate(Today, anyway: true, Now);

        Assert.Equal(GoalStatus.Active, goal.Status);
        Assert.True(goal.ActivatedAnyway);
    }

    [Fact]
    public void A_smart_goal_activates()
    {
        var goal = Goal.Create("owner", Smart, Today);
        goal.Activate(Today, anyway: false, Now);
        Assert.Equal(GoalStatus.Active, goal.Status);
        Assert.False(goal.ActivatedAnyway);
    }

    [Fact]
    public void A_low_confidence_with_a_plan_counts_as_achievable()
    {
        var goal = Goal.Create("owner", Smart with { Confidence = 4, ConfidencePlan = "Ask my manager for study time" }, Today);
        Assert.Equal(SmartStatus.Met, goal.Check(Today).Achievable.Status);
    }

    [Fact]
    public void Achieving_records_the_day_and_status_moves_are_guarded()
    {
        var goal = Goal.Create("owner", Smart, Today);
        Assert.Throws<DomainRuleException>(() => goal.MarkAchieved(Today, Now));

        goal.Activate(Today, anyway: false, Now);
        goal.MarkAchieved(Today.AddDays(30), Now);

        Assert.Equal(GoalStatus.Achieved, goal.Status);
        Assert.Equal(Today.AddDays(30), goal.AchievedOn);
        Assert.Throws<DomainRuleException>(() => goal.Pause(Now));
    }

    [Fact]
    public void Milestone_after_goal_deadline_is_rejected()
    {
        var goal = Saved(Smart);
        var error = Assert.Throws<DomainRuleException>(() => Milestone.Create(goal, "Enrol", goal.Deadline!.Value.AddDays(1), null, 0));
        Assert.Equal(nameof(Milestone.DueOn), error.Field);
        Assert.Contains("after the goal's deadline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Milestone_before_the_goal_was_set_is_rejected()
    {
        var goal = Saved(Smart);
        var error = Assert.Throws<DomainRuleException>(() => Milestone.Create(goal, "Enrol", Today.AddDays(-1), null, 0));
        Assert.Contains("before you set the goal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Milestone_on_the_deadline_is_fine_and_belongs_to_the_goal_and_its_owner()
    {
        var goal = Saved(Smart);
        var milestone = Milestone.Create(goal, " Finish course two ", goal.Deadline!.Value, null, 1);
        Assert.Equal(("owner", 7, "Finish course two"), (milestone.OwnerId, milestone.GoalId, milestone.Title));
    }

    [Fact]
    public void Marking_done_records_the_day_and_reopening_clears_it()
    {
        var milestone = Milestone.Create(Saved(Smart), "Enrol", Today.AddDays(10), null, 0);

        milestone.SetStatus(MilestoneStatus.Done, Today.AddDays(3));
        Assert.Equal(Today.AddDays(3), milestone.CompletedOn);
        milestone.SetStatus(MilestoneStatus.InProgress, Today.AddDays(4));
        Assert.Null(milestone.CompletedOn);
    }

    [Fact]
    public void Overdue_means_not_finished_and_past_due()
    {
        var milestone = Milestone.Create(Saved(Smart), "Enrol", Today.AddDays(10), null, 0);
        Assert.False(milestone.IsOverdue(Today.AddDays(10)));
        Assert.True(milestone.IsOverdue(Today.AddDays(11)));
        milestone.SetStatus(MilestoneStatus.Done, Today.AddDays(11));
        Assert.False(milestone.IsOverdue(Today.AddDays(20)));
    }

    [Theory]
    [InlineData(MilestoneStatus.NotStarted, 1, true)]
    [InlineData(MilestoneStatus.InProgress, 1, true)]
    [InlineData(MilestoneStatus.Done, 1, false)]
    [InlineData(MilestoneStatus.Skipped, 1, false)]
    [InlineData(MilestoneStatus.NotStarted, 0, false)]
    [InlineData(MilestoneStatus.InProgress, -3, false)]
    public void The_overdue_rule_for_a_row_is_the_milestones_own(MilestoneStatus status, int daysPastDue, bool overdue)
    {
        var dueOn = Today.AddDays(10);
        var today = dueOn.AddDays(daysPastDue);
        Assert.Equal(overdue, Milestone.IsOverdueOn(status, dueOn, today));

        var milestone = Milestone.Create(Saved(Smart), "Enrol", dueOn, null, 0);
        if (status != MilestoneStatus.NotStarted)
        {
            milestone.SetStatus(status, Today);
        }

        Assert.Equal(overdue, milestone.IsOverdue(today));
    }

    [Fact]
    public void Progress_counts_done_out_of_all_but_skipped()
    {
        var progress = GoalProgress.Of([MilestoneStatus.Done, MilestoneStatus.Skipped, MilestoneStatus.InProgress, MilestoneStatus.Done]);
        Assert.Equal((2, 3, 67), (progress.Done, progress.Counted, progress.Percent));
        Assert.False(progress.IsComplete);
        Assert.True(GoalProgress.Of([MilestoneStatus.Done, MilestoneStatus.Skipped]).IsComplete);
        Assert.Equal(0, GoalProgress.Of([]).Percent);
    }

    [Fact]
    public void A_resource_link_must_be_http_or_https()
    {
        var goal = Saved(Smart);
        Assert.Throws<DomainRuleException>(() => PlanItem.Create(goal, PlanItemKind.Resource, "Course", "javascript://alert(1)", null));
        Assert.Equal("https://example.org/course", PlanItem.Create(goal, PlanItemKind.Resource, "Course", "https://example.org/course", null).Detail);
    }

    private static Goal Closed(string how)
    {
        var goal = Saved(Smart);
        goal.Activate(Today, anyway: false, Now);
        if (how == "achieved")
        {
            goal.MarkAchieved(Today, Now);
        }
        else
        {
            goal.Retire(null, Now);
        }

        return goal;
    }

    [Theory]
    [InlineData("achieved")]
    [InlineData("retired")]
    public void A_closed_goal_refuses_edits_new_milestones_and_plan_items(string how)
    {
        var goal = Closed(how);

        var errors = new[]
        {
            Assert.Throws<DomainRuleException>(() => goal.Revise(Smart with { Statement = "Something else" }, null, null, Now)),
            Assert.Throws<DomainRuleException>(() => goal.AddMilestone("Enrol", Today.AddDays(10), null)),
            Assert.Throws<DomainRuleException>(() => Milestone.Create(goal, "Enrol", Today.AddDays(10), null, 0)),
            Assert.Throws<DomainRuleException>(() => goal.AddPlanItem(PlanItemKind.Skill, "Coaching", null, null)),
            Assert.Throws<DomainRuleException>(() => PlanItem.Create(goal, PlanItemKind.Skill, "Coaching", null, null)),
            Assert.Throws<DomainRuleException>(() => goal.Activate(Today, anyway: true, Now)),
        };

        Assert.All(errors, e => Assert.Contains($"This goal is {how}", e.Message, StringComparison.Ordinal));
        Assert.Equal("Complete two leadership courses this year", goal.Statement);
    }

    [Fact]
    public void A_paused_goal_still_takes_milestones_and_plan_items()
    {
        var goal = Saved(Smart);
        goal.Activate(Today, anyway: false, Now);
        goal.Pause(Now);

        Assert.Equal("Enrol", goal.AddMilestone("Enrol", Today.AddDays(10), null).Title);
        Assert.Equal("Coaching", goal.AddPlanItem(PlanItemKind.Skill, "Coaching", null, null).Text);
    }

    [Fact]
    public void Renumbering_gives_every_milestone_its_own_place()
    {
        var goal = Saved(Smart);
        var milestones = Enumerable.Range(0, 4).Select(i => Milestone.Create(goal, $"Step {i}", Today.AddDays(10), null, 7)).ToList();

        Milestone.Renumber(milestones);

        Assert.Equal([0, 1, 2, 3], milestones.Select(m => m.Order));
    }
}
