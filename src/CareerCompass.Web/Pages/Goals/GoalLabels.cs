using CareerCompass.Domain.Goals;

namespace CareerCompass.Web.Pages.Goals;

public static class GoalLabels
{
    public static string Of(GoalHorizon horizon) => horizon switch
    {
        GoalHorizon.ShortTerm => "Short term (under a year)",
        GoalHorizon.MediumTerm => "Medium term (1–3 years)",
        _ => "Long term (3+ years)",
    };

    public static string Of(GoalStatus status) => status switch
    {
        GoalStatus.Draft => "Draft",
        GoalStatus.Active => "Active",
        GoalStatus.Paused => "Paused",
        GoalStatus.Achieved => "Achieved",
        _ => "Retired",
    };

    public static string Of(MilestoneStatus status) => status switch
    {
        MilestoneStatus.NotStarted => "Not started",
        MilestoneStatus.InProgress => "In progress",
        MilestoneStatus.Done => "Done",
        _ => "Skipped",
    };

    public static string Of(SmartStatus status) => status switch
    {
        SmartStatus.Met => "Met",
        SmartStatus.NotYet => "Not yet",
        _ => "Needs input",
    };

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date written out, as the history shows it: "1 June 2027".</summary>
    public static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Of(GoalField field) => field switch
    {
        GoalField.Statement => "Statement",
        GoalField.Horizon => "Horizon",
        GoalField.Measure => "What you'll count",
        GoalField.Target => "Target",
        GoalField.Deadline => "Deadline",
        GoalField.Confidence => "Confidence",
        GoalField.Links => "What it serves",
        _ => "Status",
    };

    /// <summary>One field of a version of a goal, as a person reads it; links are named from <paramref name="linkLabels"/>.</summary>
    public static string Value(GoalField field, GoalSnapshot version, IReadOnlyDictionary<string, string> linkLabels)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(linkLabels);
        const string None = "(none)";
        return field switch
        {
            GoalField.Statement => version.Statement,
            GoalField.Horizon => Of(version.Horizon),
            GoalField.Measure => version.Measure ?? None,
            GoalField.Target => version.Target ?? None,
            GoalField.Deadline => version.Deadline is { } d ? LongDate(d) : None,
            GoalField.Confidence => version.Confidence is { } c ? $"{c}/10" : None,
            GoalField.Links => version.Links.Count == 0 ? None : string.Join(", ", version.Links.Select(l =>
                linkLabels.TryGetValue(ReflectionChoices.Key(l), out var label) ? label : "an item no longer in your reflection")),
            _ => Of(version.Status),
        };
    }
}
