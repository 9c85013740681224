using CareerCompass.Domain.Common;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;

namespace CareerCompass.Domain.Tests.Goals;

/// <summary>The goal as the aggregate of its milestones, plan and history: every guarded method and its rules.</summary>
public sealed class GoalAggregateTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReflectionLink Learning = new(ReflectionStepKind.Values, "learning");

    private static GoalDetails Details => new(
        "Move into UX design", GoalHorizon.MediumTerm, "interviews", "3", new DateOnly(2027, 6, 1), 7, Links: [Learning]);

    private static int _ids = 100;

    /// <summary>Gives a record the id the database would (so methods can name it).</summary>
    private static T Stored<T>(T record)
        where T : OwnedEntity
    {
        typeof(OwnedEntity).GetProperty(nameof(OwnedEntity.Id))!.SetValue(record, Interlocked.Increment(ref _ids));
        return record;
    }

    private static Goal NewGoal(GoalDetails? details = null) => Stored(Goal.Create("owner", details ?? Details, Today));

    private static Milestone Add(Goal goal, string title, DateOnly? due = null) => Stored(goal.AddMilestone(title, due ?? Today.AddDays(30), null));

    private static List<string> Titles(Goal goal) => goal.OrderedMilestones.Select(m => m.Title).ToList();

    [Fact]
    public void Milestones_are_added_in_order_up_to_fifty()
    {
        var goal = NewGoal();
        for (var i = 0; i < Goal.MaxMilestones; i++)
        {
            Add(goal, $"Step {i}");
        }

        var error = Assert.Throws<DomainRuleException>(() => goal.AddMilestone("One too many", Today.AddDays(10), null));

        Assert.Contains("up to 50 milestones", error.Message, StringComparison.Ordinal);
        Assert.Equal(Goal.MaxMilestones, goal.Milestones.Count);
        Assert.Equal(Enumerable.Range(0, Goal.MaxMilestones), goal.OrderedMilestones.Select(m => m.Order));
    }

    [Fact]
    public void A_milestone_added_after_a_removal_takes_a_place_of_its_own()
    {
        var goal = NewGoal();
        var first = Add(goal, "First");
        Add(goal, "Second");
        goal.RemoveMilestone(first.Id, first.Version);

        var third = Add(goal, "Third");

        Assert.Equal(["Second", "Third"], Titles(goal));
        Assert.Equal(goal.Milestones.Count, goal.Milestones.Select(m => m.Order).Distinct().Count());
        Assert.Equal(1, third.Order);
    }

    [Fact]
    public void The_milestone_list_cannot_be_changed_from_outside()
    {
        var goal = NewGoal();
        Add(goal, "First");
        Assert.False(goal.Milestones is List<Milestone>);
        Assert.Throws<NotSupportedException>(() => ((ICollection<Milestone>)goal.Milestones).Clear());
        Assert.Throws<NotSupportedException>(() => ((ICollection<PlanItem>)goal.PlanItems).Clear());
        Assert.Throws<NotSupportedException>(() => ((ICollection<GoalRevision>)goal.Revisions).Clear());
    }

    [Fact]
    public void Moving_swaps_with_the_neighbour_renumbers_and_stops_at_the_ends()
    {
        var goal = NewGoal();
        var a = Add(goal, "A");
        var b = Add(goal, "B");
        var c = Add(goal, "C");

        goal.MoveMilestone(c.Id, MilestoneMove.Up, c.Version);
        Assert.Equal(["A", "C", "B"], Titles(goal));
        goal.MoveMilestone(a.Id, MilestoneMove.Up, a.Version);
        Assert.Equal(["A", "C", "B"], Titles(goal));
        goal.MoveMilestone(b.Id, MilestoneMove.Down, b.Version);
        Assert.Equal(["A", "C", "B"], Titles(goal));
        goal.MoveMilestone(a.Id, MilestoneMove.Down, a.Version);

        Assert.Equal(["C", "A", "B"], Titles(goal));
        Assert.Equal([0, 1, 2], goal.OrderedMilestones.Select(m => m.Order));
    }

    [Fact]
    public void Removing_renumbers_what_is_left()
    {
        var goal = NewGoal();
        Add(goal, "A");
        var b = Add(goal, "B");
        Add(goal, "C");

        Assert.Equal("B", goal.RemoveMilestone(b.Id, b.Version).Title);

        Assert.Equal(["A", "C"], Titles(goal));
        Assert.Equal([0, 1], goal.OrderedMilestones.Select(m => m.Order));
    }

    [Fact]
    public void A_change_from_a_stale_copy_or_to_a_milestone_not_in_the_goal_is_refused()
    {
        var goal = NewGoal();
        var a = Add(goal, "A");
        var other = NewGoal();
        var theirs = Add(other, "Theirs");
        var stale = Guid.NewGuid();

        Assert.Throws<StaleRecordException>(() => goal.MoveMilestone(a.Id, MilestoneMove.Down, stale));
        Assert.Throws<StaleRecordException>(() => goal.RemoveMilestone(a.Id, stale));
        Assert.Throws<StaleRecordException>(() => goal.SetMilestoneStatus(a.Id, MilestoneStatus.Done, Today, stale));
        Assert.Throws<StaleRecordException>(() => goal.RescheduleMilestone(a.Id, Today.AddDays(3), stale));
        Assert.Throws<RecordNotFoundException>(() => goal.RemoveMilestone(theirs.Id, theirs.Version));
        Assert.Throws<RecordNotFoundException>(() => goal.SetMilestoneStatus(theirs.Id, MilestoneStatus.Done, Today, theirs.Version));

        Assert.Equal(["A"], Titles(goal));
        Assert.Equal(MilestoneStatus.NotStarted, a.Status);
    }

    [Fact]
    public void Setting_the_last_milestone_done_says_so_once_and_skipped_ones_do_not_count()
    {
        var goal = NewGoal();
        var a = Add(goal, "A");
        var b = Add(goal, "B");
        var c = Add(goal, "C");

        Assert.False(goal.SetMilestoneStatus(a.Id, MilestoneStatus.Done, Today, a.Version));
        Assert.False(goal.SetMilestoneStatus(b.Id, MilestoneStatus.Skipped, Today, b.Version));
        Assert.False(goal.SetMilestoneStatus(c.Id, MilestoneStatus.InProgress, Today, c.Version));
        Assert.True(goal.SetMilestoneStatus(c.Id, MilestoneStatus.Done, Today.AddDays(2), c.Version));
        Assert.False(goal.SetMilestoneStatus(c.Id, MilestoneStatus.Done, Today.AddDays(3), c.Version));

        Assert.Equal(Today.AddDays(2), c.CompletedOn);
        var unknown = Assert.Throws<DomainRuleException>(() => goal.SetMilestoneStatus(a.Id, (MilestoneStatus)42, Today, a.Version));
        Assert.Contains("choose a status", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_milestone_can_be_given_another_date_within_the_goals_dates()
    {
        var goal = NewGoal();
        var a = Add(goal, "A");

        goal.RescheduleMilestone(a.Id, new DateOnly(2027, 2, 1), a.Version);

        Assert.Equal(new DateOnly(2027, 2, 1), a.DueOn);
        Assert.Throws<DomainRuleException>(() => goal.RescheduleMilestone(a.Id, new DateOnly(2027, 6, 2), a.Version));
    }

    [Fact]
    public void The_plan_takes_up_to_a_hundred_items()
    {
        var goal = NewGoal();
        for (var i = 0; i < Goal.MaxPlanItems; i++)
        {
            goal.AddPlanItem(PlanItemKind.Skill, $"Skill {i}", null, null);
        }

        var error = Assert.Throws<DomainRuleException>(() => goal.AddPlanItem(PlanItemKind.Skill, "One too many", null, null));

        Assert.Contains("up to 100 items", error.Message, StringComparison.Ordinal);
        Assert.Equal(Goal.MaxPlanItems, goal.PlanItems.Count);
    }

    [Fact]
    public void Removing_a_plan_item_checks_its_version()
    {
        var goal = NewGoal();
        var item = Stored(goal.AddPlanItem(PlanItemKind.Obstacle, "Little time", "Block Sunday mornings", null));

        Assert.Throws<StaleRecordException>(() => goal.RemovePlanItem(item.Id, Guid.NewGuid()));
        Assert.Single(goal.PlanItems);

        Assert.Equal("Little time", goal.RemovePlanItem(item.Id, item.Version).Text);
        Assert.Empty(goal.PlanItems);
        Assert.Throws<RecordNotFoundException>(() => goal.RemovePlanItem(item.Id, item.Version));
    }

    [Theory]
    [InlineData("achieved")]
    [InlineData("retired")]
    public void A_closed_goal_refuses_every_change_to_its_lists(string how)
    {
        var goal = NewGoal();
        var a = Add(goal, "A");
        var item = Stored(goal.AddPlanItem(PlanItemKind.Skill, "Coaching", null, null));
        goal.Activate(Today, anyway: true, Now);
        if (how == "achieved")
        {
            goal.MarkAchieved(Today, Now);
        }
        else
        {
            goal.Retire("No longer fits", Now);
        }

        var errors = new[]
        {
            Assert.Throws<DomainRuleException>(() => goal.AddMilestone("B", Today.AddDays(10), null)),
            Assert.Throws<DomainRuleException>(() => goal.MoveMilestone(a.Id, MilestoneMove.Up, a.Version)),
            Assert.Throws<DomainRuleException>(() => goal.RemoveMilestone(a.Id, a.Version)),
            Assert.Throws<DomainRuleException>(() => goal.SetMilestoneStatus(a.Id, MilestoneStatus.Done, Today, a.Version)),
            Assert.Throws<DomainRuleException>(() => goal.RescheduleMilestone(a.Id, Today.AddDays(3), a.Version)),
            Assert.Throws<DomainRuleException>(() => goal.AddPlanItem(PlanItemKind.Skill, "More", null, null)),
            Assert.Throws<DomainRuleException>(() => goal.RemovePlanItem(item.Id, item.Version)),
            Assert.Throws<DomainRuleException>(() => goal.Revise(Details with { Statement = "Else" }, null, null, Now)),
            Assert.Throws<DomainRuleException>(() => goal.Retire(null, Now)),
        };

        Assert.All(errors, e => Assert.Contains($"This goal is {how}", e.Message, StringComparison.Ordinal) );
        Assert.Single(goal.Milestones);
        Assert.Single(goal.PlanItems);
        Assert.Equal(2, goal.Revisions.Count);
    }

    [Fact]
    public void A_deadline_before_some_milestones_is_refused_naming_them_and_nothing_changes()
    {
        var goal = NewGoal();
        Add(goal, "Update my CV", new DateOnly(2027, 1, 15));
        Add(goal, "Portfolio review", new DateOnly(2027, 5, 12));
        Add(goal, "Mock interview", new DateOnly(2027, 4, 3));

        var error = Assert.Throws<DomainRuleException>(() =>
            goal.Revise(Details with { Statement = "Move into UX design soon", Deadline = new DateOnly(2027, 3, 1) }, "Sooner", null, Now));

        Assert.Equal(nameof(GoalDetails.Deadline), error.Field);
        Assert.Equal(
            "These milestones are due after the new deadline: \"Portfolio review\" (12 May 2027), \"Mock interview\" (3 Apr 2027). Move them first, or choose a later deadline.",
            error.Message);
        Assert.Equal(("Move into UX design", new DateOnly(2027, 6, 1)), (goal.Statement, goal.Deadline));
        Assert.Empty(goal.Revisions);
    }

    [Fact]
    public void One_milestone_after_the_new_deadline_is_named_on_its_own_and_its_own_date_is_fine()
    {
        var goal = NewGoal();
        Add(goal, "Portfolio review", new DateOnly(2027, 5, 12));

        var error = Assert.Throws<DomainRuleException>(() => goal.Revise(Details with { Deadline = new DateOnly(2027, 5, 11) }, null, null, Now));
        Assert.StartsWith("This milestone is due after the new deadline: \"Portfolio review\" (12 May 2027). Move it first", error.Message, StringComparison.Ordinal);

        goal.Revise(Details with { Deadline = new DateOnly(2027, 5, 12) }, null, null, Now);
        goal.Revise(Details with { Deadline = null }, null, null, Now);
        Assert.Null(goal.Deadline);
    }

    [Fact]
    public void Revising_records_the_version_it_was_when_why_and_from_which_review()
    {
        var goal = NewGoal();
        var newLink = new ReflectionLink(ReflectionStepKind.Interests, "design");

        var revision = goal.Revise(
            Details with { Statement = "Move into UX design at a product company", Deadline = new DateOnly(2027, 3, 1), Confidence = 8, Links = [Learning, newLink] },
            "  My manager offered a slot in March  ", reviewId: 12, Now.AddHours(5));

        Assert.NotNull(revision);
        Assert.Equal(("owner", goal.Id), (revision.OwnerId, revision.GoalId));
        var before = revision.Before;
        Assert.Equal(("Move into UX design", GoalHorizon.MediumTerm, "interviews", "3"), (before.Statement, before.Horizon, before.Measure, before.Target));
        Assert.Equal((new DateOnly(2027, 6, 1), 7, GoalStatus.Draft), (before.Deadline, before.Confidence, before.Status));
        Assert.Equal([Learning], revision.Links);
        Assert.Equal(Now.AddHours(5).UtcDateTime, revision.RecordedAtUtc);
        Assert.Equal(DateTimeKind.Utc, revision.RecordedAtUtc.Kind);
        Assert.Equal("My manager offered a slot in March", revision.Reason);
        Assert.Equal(12, revision.ReviewId);
        Assert.Equal("Move into UX design at a product company", goal.Statement);
        Assert.Equal([GoalField.Statement, GoalField.Deadline, GoalField.Confidence, GoalField.Links], revision.Before.ChangesTo(goal.Snapshot));
    }

    [Fact]
    public void Saving_without_a_change_or_a_reason_records_nothing_and_a_too_long_reason_is_refused()
    {
        var goal = NewGoal();

        Assert.Null(goal.Revise(Details, null, null, Now));
        Assert.Null(goal.Revise(Details with { Statement = "  Move into UX design " }, "   ", null, Now));
        Assert.NotNull(goal.Revise(Details, "Checked it with my mentor — still right", null, Now));
        var error = Assert.Throws<DomainRuleException>(() => goal.Revise(Details with { Statement = "Else" }, new string('x', GoalRevision.ReasonLength + 1), null, Now));

        Assert.Equal(nameof(GoalRevision.Reason), error.Field);
        Assert.Equal("Move into UX design", goal.Statement);
        Assert.Single(goal.Revisions);
    }

    [Fact]
    public void The_history_pairs_each_earlier_version_with_the_next_newest_first()
    {
        var goal = NewGoal();
        goal.Revise(Details with { Deadline = new DateOnly(2027, 3, 1) }, "Sooner", null, Now);
        goal.Revise(Details with { Deadline = new DateOnly(2027, 3, 1), Statement = "Move into UX design at a product company" }, null, null, Now.AddDays(3));
        goal.Activate(Today, anyway: true, Now.AddDays(4));
        goal.Retire("The team was merged", Now.AddDays(5));

        var history = goal.History();

        Assert.Equal(4, history.Count);
        Assert.Equal([GoalField.Status], history[1].Changed);
        Assert.Null(history[1].Revision.Reason);
        history = [history[0], .. history.Skip(2)];
        Assert.Equal([GoalField.Status], history[0].Changed);
        Assert.Equal("The team was merged", history[0].Revision.Reason);
        Assert.Equal((GoalStatus.Active, GoalStatus.Retired), (history[0].Before.Status, history[0].After.Status));
        Assert.Equal([GoalField.Statement], history[1].Changed);
        Assert.Equal(("Move into UX design", "Move into UX design at a product company"), (history[1].Before.Statement, history[1].After.Statement));
        Assert.Equal([GoalField.Deadline], history[2].Changed);
        Assert.Equal((new DateOnly(2027, 6, 1), new DateOnly(2027, 3, 1)), (history[2].Before.Deadline, history[2].After.Deadline));
        Assert.Equal("Sooner", history[2].Revision.Reason);
        Assert.Empty(NewGoal().History());
    }

    [Fact]
    public void Achieving_records_a_revision_with_the_reason_achieved()
    {
        var goal = NewGoal();
        goal.Activate(Today, anyway: true, Now);

        var revision = goal.MarkAchieved(Today.AddDays(40), Now.AddDays(40));

        Assert.Equal((Goal.AchievedReason, GoalStatus.Active), (revision.Reason, revision.Before.Status));
        Assert.Equal([[GoalField.Status], [GoalField.Status]], goal.History().Select(h => h.Changed.ToArray()));
        Assert.Equal(Today.AddDays(40), goal.AchievedOn);
    }

    [Fact]
    public void A_goal_that_cannot_be_retired_records_nothing()
    {
        var goal = NewGoal();
        goal.Activate(Today, anyway: true, Now);
        goal.MarkAchieved(Today, Now);

        Assert.Throws<DomainRuleException>(() => goal.Retire("Too late", Now));
        Assert.Throws<DomainRuleException>(() => NewGoal().MarkAchieved(Today, Now));
        Assert.Equal(2, goal.Revisions.Count);
    }
}
