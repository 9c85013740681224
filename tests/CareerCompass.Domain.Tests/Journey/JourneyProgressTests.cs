using CareerCompass.Domain.Journey;

namespace CareerCompass.Domain.Tests.Journey;

public sealed class JourneyProgressTests
{
    [Fact]
    public void A_new_person_starts_at_reflection_with_everything_else_later()
    {
        var steps = JourneyProgress.For(new JourneySnapshot(0, 7, 0, 0, 0));

        Assert.Equal([JourneyStage.Reflect, JourneyStage.SetGoals, JourneyStage.BreakDown, JourneyStage.Review], steps.Select(s => s.Stage));
        Assert.Equal([StepState.Current, StepState.Upcoming, StepState.Upcoming, StepState.Upcoming], steps.Select(s => s.State));
    }

    [Fact]
    public void A_finished_reflection_moves_the_person_on_to_goals()
    {
        var steps = JourneyProgress.For(new JourneySnapshot(7, 7, 0, 0, 0));

        Assert.Equal(StepState.Done, steps[0].State);
        Assert.Equal(StepState.Current, steps[1].State);
    }

    [Fact]
    public void A_step_done_out_of_order_counts_as_done_and_the_first_gap_is_current()
    {
        var steps = JourneyProgress.For(new JourneySnapshot(3, 7, 2, 2, 0));

        Assert.Equal([StepState.Current, StepState.Done, StepState.Done, StepState.Upcoming], steps.Select(s => s.State));
        Assert.Equal("3 of 7 reflection steps done.", steps[0].Summary);
        Assert.Equal("2 goals written.", steps[1].Summary);
    }

    [Fact]
    public void Goals_without_milestones_leave_the_break_down_step_open()
    {
        var steps = JourneyProgress.For(new JourneySnapshot(7, 7, 3, 1, 0));

        Assert.Equal(StepState.Current, steps[2].State);
        Assert.Equal("1 of 3 goals have milestones.", steps[2].Summary);
    }

    [Fact]
    public void Everything_done_leaves_no_current_step()
    {
        var steps = JourneyProgress.For(new JourneySnapshot(7, 7, 1, 1, 1));

        Assert.All(steps, s => Assert.Equal(StepState.Done, s.State));
        Assert.Equal("1 goal written.", steps[1].Summary);
        Assert.Equal("1 review done.", steps[3].Summary);
    }
}
