using CareerCompass.Domain.Common;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reviews;

namespace CareerCompass.Domain.Tests.Reviews;

/// <summary>The review aggregate: starting, saving step by step, what stops completion, and carrying out decisions.</summary>
public sealed class ReviewTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTime Since = new(2025, 11, 22, 0, 0, 0, DateTimeKind.Utc);

    private static readonly bool[] OnlyPauseAchieveRetireChange = [false, false, false, true, true, true];

    private static int _ids = 100;

    private static T Stored<T>(T record)
        where T : OwnedEntity
    {
        typeof(OwnedEntity).GetProperty(nameof(OwnedEntity.Id))!.SetValue(record, Interlocked.Increment(ref _ids));
        return record;
    }

    private static Goal NewGoal(string statement, GoalStatus status = GoalStatus.Active, string owner = "owner")
    {
        var goal = Stored(Goal.Create(owner, new GoalDetails(statement, GoalHorizon.ShortTerm), Today));
        if (status != GoalStatus.Draft)
        {
            goal.Activate(Today, anyway: true, Now);
        }

        switch (status)
        {
            case GoalStatus.Paused: goal.Pause(Now); break;
            case GoalStatus.Achieved: goal.MarkAchieved(Today, Now); break;
            case GoalStatus.Retired: goal.Retire(null, Now); break;
        }

        return goal;
    }

    private static Review Start(params Goal[] goals) => Stored(Review.Start("owner", ReviewTrigger.Scheduled, null, Today, Today, Since, goals));

    private static ReviewGoalAnswers Decide(ReviewDecision? decision, string? reason = null) => new(null, null, null, null, decision, reason);

    [Fact]
    public void A_review_starts_on_the_look_back_with_the_active_and_paused_goals_in_the_order_given()
    {
        var active = NewGoal("Active");
        var paused = NewGoal("Paused", GoalStatus.Paused);
        var draft = NewGoal("Draft", GoalStatus.Draft);
        var achieved = NewGoal("Achieved", GoalStatus.Achieved);
        var retired = NewGoal("Retired", GoalStatus.Retired);

        var review = Start(paused, draft, active, achieved, retired);

        Assert.Equal(ReviewStep.LookBack, review.Step);
        Assert.False(review.IsCompleted);
        Assert.Equal(new[] { paused.Id, active.Id }, review.OrderedGoals.Select(g => g.GoalId));
        Assert.Equal(new[] { GoalStatus.Paused, GoalStatus.Active }, review.OrderedGoals.Select(g => g.StatusAtStart));
        Assert.Equal("Paused", review.OrderedGoals[0].Statement);
        Assert.Equal(Since, review.SinceUtc);
        Assert.Equal(Today, review.DueOn);
    }

    [Fact]
    public void A_review_never_holds_another_persons_goal_nor_one_goal_twice()
    {
        var mine = NewGoal("Mine");
        var theirs = NewGoal("Theirs", owner: "someone else");

        var review = Start(mine, theirs, mine);

        Assert.Equal(new[] { mine.Id }, review.Goals.Select(g => g.GoalId));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_life_change_review_needs_its_reason(string? reason)
    {
        var rule = Assert.Throws<DomainRuleException>(() => Review.Start("owner", ReviewTrigger.LifeChange, reason, Today, null, Since, []));
        Assert.Equal(nameof(Review.Reason), rule.Field);
    }

    [Fact]
    public void A_life_change_review_keeps_its_reason_tidied_and_refuses_a_long_one()
    {
        var review = Review.Start("owner", ReviewTrigger.LifeChange, "  A new job  ", Today, null, Since, []);
        Assert.Equal("A new job", review.Reason);
        Assert.Equal(ReviewTrigger.LifeChange, review.Trigger);
        Assert.Throws<DomainRuleException>(() => Review.Start("owner", ReviewTrigger.LifeChange, new string('x', Review.ReasonLength + 1), Today, null, Since, []));
    }

    [Fact]
    public void Each_step_saves_its_answers_tidied_and_within_their_lengths()
    {
        var goal = NewGoal("Goal");
        var review = Start(goal);

        review.SaveLookBack("  Still learning  ");
        review.SaveNewGoalIdeas("   ");
        var item = review.SaveGoal(goal.Id, new ReviewGoalAnswers(" A mentor ", "Time", "Well done", " My manager ", ReviewDecision.Keep, null));

        Assert.Equal("Still learning", review.LookBackNote);
        Assert.Null(review.NewGoalIdeas);
        Assert.Equal(("A mentor", "Time", "Well done", "My manager", ReviewDecision.Keep), (item.Helped, item.Obstacles, item.Feedback, item.FeedbackFrom, item.Decision));
        Assert.Equal(nameof(Review.LookBackNote), Assert.Throws<DomainRuleException>(() => review.SaveLookBack(new string('x', Review.TextLength + 1))).Field);
        Assert.Equal(nameof(ReviewGoal.FeedbackFrom), Assert.Throws<DomainRuleException>(() => review.SaveGoal(goal.Id, new ReviewGoalAnswers(null, null, null, new string('x', Limits.ShortText + 1), null, null))).Field);
        Assert.Equal(nameof(ReviewGoal.DecisionReason), Assert.Throws<DomainRuleException>(() => review.SaveGoal(goal.Id, Decide(ReviewDecision.Retire, new string('x', Review.ReasonLength + 1)))).Field);
        Assert.Equal("Still learning", review.LookBackNote);
        Assert.Equal(ReviewDecision.Keep, item.Decision);
    }

    [Fact]
    public void A_goal_outside_the_review_an_unknown_decision_or_pausing_a_paused_goal_is_refused()
    {
        var paused = NewGoal("Paused", GoalStatus.Paused);
        var review = Start(paused);

        Assert.Throws<RecordNotFoundException>(() => review.SaveGoal(999_999, Decide(ReviewDecision.Keep)));
        Assert.Equal(nameof(ReviewGoal.Decision), Assert.Throws<DomainRuleException>(() => review.SaveGoal(paused.Id, Decide((ReviewDecision)42))).Field);
        Assert.Equal(nameof(ReviewGoal.Decision), Assert.Throws<DomainRuleException>(() => review.SaveGoal(paused.Id, Decide(ReviewDecision.Pause))).Field);
        Assert.Null(review.Goals.Single().Decision);
    }

    [Fact]
    public void Going_to_a_step_is_remembered_so_the_review_resumes_there_and_unknown_steps_are_refused()
    {
        var review = Start();

        review.GoTo(ReviewStep.NewGoals);

        Assert.Equal(ReviewStep.NewGoals, review.Step);
        Assert.Throws<DomainRuleException>(() => review.GoTo((ReviewStep)9));
        Assert.Equal(ReviewStep.NewGoals, review.Step);
    }

    [Fact]
    public void An_older_copy_is_refused()
    {
        var review = Start();

        review.EnsureVersion(review.Version);
        Assert.Throws<StaleRecordException>(() => review.EnsureVersion(Guid.NewGuid()));
    }

    [Fact]
    public void Problems_name_each_goal_without_a_decision_and_pivot_or_retire_without_a_reason()
    {
        var (a, b, c, d) = (NewGoal("Undecided"), NewGoal("Pivoting"), NewGoal("Retiring"), NewGoal("Kept"));
        var review = Start(a, b, c, d);
        review.SaveGoal(b.Id, Decide(ReviewDecision.Pivot, "   "));
        review.SaveGoal(c.Id, Decide(ReviewDecision.Retire));
        review.SaveGoal(d.Id, Decide(ReviewDecision.Keep));

        var problems = review.Problems();

        Assert.Equal(new[] { (a.Id, "Decision"), (b.Id, "DecisionReason"), (c.Id, "DecisionReason") }, problems.Select(p => (p.GoalId, p.Field)));
        Assert.Contains("“Undecided”", problems[0].Message, StringComparison.Ordinal);
        var rule = Assert.Throws<DomainRuleException>(() => review.Complete(Today, Now));
        Assert.Equal(problems[0].Message, rule.Message);
        Assert.False(review.IsCompleted);

        review.SaveGoal(a.Id, Decide(ReviewDecision.Adjust));
        review.SaveGoal(b.Id, Decide(ReviewDecision.Pivot, "A different field"));
        review.SaveGoal(c.Id, Decide(ReviewDecision.Retire, "No longer fits"));
        Assert.Empty(review.Problems());
    }

    [Fact]
    public void Completing_records_the_day_and_makes_the_review_read_only()
    {
        var goal = NewGoal("Goal");
        var review = Start(goal);
        review.SaveGoal(goal.Id, Decide(ReviewDecision.Keep));

        review.Complete(Today, Now);

        Assert.True(review.IsCompleted);
        Assert.Equal(Today, review.CompletedOn);
        Assert.Equal(Now.UtcDateTime, review.CompletedAtUtc);
        Assert.Equal(ReviewStep.Summary, review.Step);
        Assert.Throws<DomainRuleException>(() => review.SaveLookBack("Later"));
        Assert.Throws<DomainRuleException>(() => review.SaveNewGoalIdeas("Later"));
        Assert.Throws<DomainRuleException>(() => review.SaveGoal(goal.Id, Decide(ReviewDecision.Retire, "Later")));
        Assert.Throws<DomainRuleException>(() => review.GoTo(ReviewStep.LookBack));
        Assert.Throws<DomainRuleException>(() => review.Complete(Today, Now));
        Assert.Equal(ReviewDecision.Keep, review.Goals.Single().Decision);
    }

    [Fact]
    public void Applying_decisions_pauses_achieves_and_retires_tied_to_the_review_and_leaves_the_rest()
    {
        var goals = new[] { NewGoal("Keep"), NewGoal("Adjust"), NewGoal("Pivot"), NewGoal("Pause"), NewGoal("Achieve"), NewGoal("Retire") };
        var review = Start(goals);
        var decisions = new[] { ReviewDecision.Keep, ReviewDecision.Adjust, ReviewDecision.Pivot, ReviewDecision.Pause, ReviewDecision.Achieved, ReviewDecision.Retire };
        for (var i = 0; i < goals.Length; i++)
        {
            review.SaveGoal(goals[i].Id, Decide(decisions[i], "Because"));
        }

        review.Complete(Today, Now);
        var changed = goals.Select(g => review.ApplyDecision(g, Today, Now)).ToList();

        Assert.Equal(OnlyPauseAchieveRetireChange, changed);
        Assert.Equal(new[] { GoalStatus.Active, GoalStatus.Active, GoalStatus.Active, GoalStatus.Paused, GoalStatus.Achieved, GoalStatus.Retired }, goals.Select(g => g.Status));
        Assert.Equal(Today, goals[4].AchievedOn);
        Assert.Equal(review.Id, goals[3].Revisions.Last().ReviewId);
        Assert.Equal(review.Id, goals[4].Revisions.Last().ReviewId);
        Assert.Equal(Goal.AchievedReason, goals[4].Revisions.Last().Reason);
        Assert.Equal(review.Id, goals[5].Revisions.Last().ReviewId);
        Assert.Equal("Because", goals[5].Revisions.Last().Reason);
    }

    [Fact]
    public void A_goal_closed_or_paused_meanwhile_or_not_in_the_review_is_left_as_it_is()
    {
        var closed = NewGoal("Achieved on its own page meanwhile");
        var paused = NewGoal("Paused meanwhile");
        var review = Start(closed, paused);
        review.SaveGoal(closed.Id, Decide(ReviewDecision.Retire, "No longer fits"));
        review.SaveGoal(paused.Id, Decide(ReviewDecision.Pause));
        closed.MarkAchieved(Today, Now);
        paused.Pause(Now);
        var outside = NewGoal("Not in the review");
        var revisions = closed.Revisions.Count + paused.Revisions.Count + outside.Revisions.Count;

        Assert.False(review.ApplyDecision(closed, Today, Now));
        Assert.False(review.ApplyDecision(paused, Today, Now));
        Assert.False(review.ApplyDecision(outside, Today, Now));
        Assert.Equal(GoalStatus.Achieved, closed.Status);
        Assert.Equal(GoalStatus.Paused, paused.Status);
        Assert.Equal(GoalStatus.Active, outside.Status);
        Assert.Equal(revisions, closed.Revisions.Count + paused.Revisions.Count + outside.Revisions.Count);
    }

    [Fact]
    public void A_paused_goal_can_be_achieved_or_retired_and_kept_paused()
    {
        var (achieve, retire, keep) = (NewGoal("A", GoalStatus.Paused), NewGoal("R", GoalStatus.Paused), NewGoal("K", GoalStatus.Paused));
        var review = Start(achieve, retire, keep);
        review.SaveGoal(achieve.Id, Decide(ReviewDecision.Achieved));
        review.SaveGoal(retire.Id, Decide(ReviewDecision.Retire, "Moved on"));
        review.SaveGoal(keep.Id, Decide(ReviewDecision.Keep));
        review.Complete(Today, Now);

        Assert.True(review.ApplyDecision(achieve, Today, Now));
        Assert.True(review.ApplyDecision(retire, Today, Now));
        Assert.False(review.ApplyDecision(keep, Today, Now));
        Assert.Equal(new[] { GoalStatus.Achieved, GoalStatus.Retired, GoalStatus.Paused }, new[] { achieve.Status, retire.Status, keep.Status });
    }
}
