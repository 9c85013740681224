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
}
