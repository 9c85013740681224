using CareerCompass.Domain.Goals;

namespace CareerCompass.Web.Pages.Goals;

/// <summary>
/// The coach in one line, for the compact coach under the goal statement: how many of the five criteria are met
/// and the first one still to do, in plain words ("3 of 5 met — next: add a date"). The live check sends the same
/// line, so the page and the script never disagree.
/// </summary>
public sealed record CoachSummary(int Met, string Text, string? Next, string? Needs)
{
    public const int Criteria = 5;

    public static CoachSummary Of(SmartVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        var criteria = new (string Key, SmartCriterion Criterion)[]
        {
            ("specific", verdict.Specific), ("measurable", verdict.Measurable), ("achievable", verdict.Achievable),
            ("relevant", verdict.Relevant), ("timeBound", verdict.TimeBound),
        };
        var met = criteria.Count(c => c.Criterion.Status == SmartStatus.Met);
        var first = criteria.FirstOrDefault(c => c.Criterion.Status != SmartStatus.Met);
        if (first.Criterion is null)
        {
            return new(met, "All 5 met — your goal is SMART.", null, null);
        }

        var (next, needs) = Step(first.Key, first.Criterion.Status);
        return new(met, $"{met} of {Criteria} met — next: {next}", next, needs);
    }

    /// <summary>What to do next for a criterion not yet met, and what the goal still needs, as short phrases.</summary>
    private static (string Next, string Needs) Step(string key, SmartStatus status) => key switch
    {
        "specific" => ("say exactly what you'll achieve", "a clear outcome"),
        "measurable" => ("add a number to track", "a number to track"),
        "achievable" when status == SmartStatus.NeedsInput => ("say how confident you are", "a confidence rating"),
        "achievable" => ("note what would raise your confidence", "a plan to raise your confidence"),
        "relevant" => ("link it to what matters to you", "a link to what matters to you"),
        _ => ("add a date", "a date"),
    };
}
