using CareerCompass.Domain.Goals;
using CareerCompass.Web.Pages.Goals;

namespace CareerCompass.Web.Components;

/// <summary>One of the coach's five criteria: its key for the live script, its name, its status and the advice.</summary>
public sealed record CoachCriterionView(string Key, string Name, SmartStatus Status, string Advice)
{
    /// <summary>The status as the live check names it (SmartCheckApi), for data-status and the coach-* class.</summary>
    public string StatusName => SmartCheckApi.StatusName(Status);

    public string StatusLabel => GoalLabels.Of(Status);
}

/// <summary>What the <see cref="CoachPanel"/> shows: the five criteria in order and the one-line summary.</summary>
public sealed record CoachView(IReadOnlyList<CoachCriterionView> Criteria, string Summary)
{
    public static CoachView Of(SmartVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new(
        [
            new("specific", "Specific", verdict.Specific.Status, verdict.Specific.Advice),
            new("measurable", "Measurable", verdict.Measurable.Status, verdict.Measurable.Advice),
            new("achievable", "Achievable", verdict.Achievable.Status, verdict.Achievable.Advice),
            new("relevant", "Relevant", verdict.Relevant.Status, verdict.Relevant.Advice),
            new("timeBound", "Time-bound", verdict.TimeBound.Status, verdict.TimeBound.Advice),
        ], CoachSummary.Of(verdict).Text);
    }
}
