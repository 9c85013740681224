namespace CareerCompass.Domain.Journey;

public enum JourneyStage
{
    Reflect,
    SetGoals,
    BreakDown,
    Review,
}

public enum StepState
{
    Upcoming,
    Current,
    Done,
}

/// <summary>What a person has done so far; each feature fills in its own part.</summary>
public sealed record JourneySnapshot(
    int ReflectionStepsDone,
    int ReflectionStepsTotal,
    int Goals,
    int GoalsWithMilestones,
    int ReviewsDone);

public sealed record JourneyStep(JourneyStage Stage, StepState State, string Title, string Summary);

/// <summary>
/// Where a person is on the journey reflect → goals → milestones → review. The first step not yet done is the
/// current one; a step can be done out of order (someone may set a goal before finishing their reflection).
/// </summary>
public static class JourneyProgress
{
    public static IReadOnlyList<JourneyStep> For(JourneySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var done = new Dictionary<JourneyStage, bool>
        {
            [JourneyStage.Reflect] = snapshot.ReflectionStepsTotal > 0 && snapshot.ReflectionStepsDone >= snapshot.ReflectionStepsTotal,
            [JourneyStage.SetGoals] = snapshot.Goals > 0,
            [JourneyStage.BreakDown] = snapshot.Goals > 0 && snapshot.GoalsWithMilestones >= snapshot.Goals,
            [JourneyStage.Review] = snapshot.ReviewsDone > 0,
        };

        var current = Enum.GetValues<JourneyStage>().Cast<JourneyStage?>().FirstOrDefault(s => !done[s!.Value]);
        return Enum.GetValues<JourneyStage>()
            .Select(stage => new JourneyStep(
                stage,
                done[stage] ? StepState.Done : stage == current ? StepState.Current : StepState.Upcoming,
                TitleOf(stage),
                SummaryOf(stage, snapshot)))
            .ToList();
    }

    public static string TitleOf(JourneyStage stage) => stage switch
    {
        JourneyStage.Reflect => "Reflect on what matters to you",
        JourneyStage.SetGoals => "Set SMART goals",
        JourneyStage.BreakDown => "Break goals into milestones",
        JourneyStage.Review => "Review and adjust",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    private static string SummaryOf(JourneyStage stage, JourneySnapshot s) => stage switch
    {
        JourneyStage.Reflect => s.ReflectionStepsDone == 0
            ? "Your interests, values, strengths and hopes — the ground every goal stands on."
            : $"{Math.Min(s.ReflectionStepsDone, s.ReflectionStepsTotal)} of {s.ReflectionStepsTotal} reflection steps done.",
        JourneyStage.SetGoals => s.Goals == 0
            ? "Turn what you learned into a few clear goals, with a coach at your side."
            : s.Goals == 1 ? "1 goal written." : $"{s.Goals} goals written.",
        JourneyStage.BreakDown => s.Goals == 0
            ? "Small, dated steps make a big goal feel doable."
            : $"{s.GoalsWithMilestones} of {s.Goals} goals have milestones.",
        JourneyStage.Review => s.ReviewsDone == 0
            ? "Look back at least once a year: keep, adjust or let go."
            : s.ReviewsDone == 1 ? "1 review done." : $"{s.ReviewsDone} reviews done.",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
