using CareerCompass.Domain.Reviews;

namespace CareerCompass.Web.Pages.Reviews;

/// <summary>The wizard's steps (pages and titles) and the words for triggers and decisions, in one voice.</summary>
public static class ReviewLabels
{
    public static readonly IReadOnlyList<ReviewStep> Steps = [ReviewStep.LookBack, ReviewStep.Goals, ReviewStep.NewGoals, ReviewStep.Summary];

    /// <summary>The Razor page of a step; each route is <c>/Reviews/{id}/{slug}</c>.</summary>
    public static string PageOf(ReviewStep step) => step switch
    {
        ReviewStep.LookBack => "/Reviews/LookBack",
        ReviewStep.Goals => "/Reviews/GoalDecisions",
        ReviewStep.NewGoals => "/Reviews/NewGoals",
        _ => "/Reviews/Summary",
    };

    public static string TitleOf(ReviewStep step) => step switch
    {
        ReviewStep.LookBack => "Look back",
        ReviewStep.Goals => "Your goals",
        ReviewStep.NewGoals => "New goals",
        _ => "Summary",
    };

    public static ReviewStep? After(ReviewStep step) => step == ReviewStep.Summary ? null : step + 1;

    public static ReviewStep? Before(ReviewStep step) => step == ReviewStep.LookBack ? null : step - 1;

    public static string Of(ReviewTrigger trigger) => trigger switch
    {
        ReviewTrigger.LifeChange => "Something changed",
        _ => "Regular review",
    };

    public static string Of(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Keep => "Keep",
        ReviewDecision.Adjust => "Adjust",
        ReviewDecision.Pivot => "Pivot",
        ReviewDecision.Pause => "Pause",
        ReviewDecision.Achieved => "Achieved",
        _ => "Retire",
    };

    /// <summary>The plain description next to each choice in the wizard.</summary>
    public static string Describe(ReviewDecision decision) => decision switch
    {
        ReviewDecision.Keep => "It still fits. Carry on as it is.",
        ReviewDecision.Adjust => "Same direction, new details — a date, a target or the wording. You can edit it with the coach.",
        ReviewDecision.Pivot => "Change direction: rework it into a different goal. Please say why.",
        ReviewDecision.Pause => "Set it aside for now. Nothing is lost, and you can resume it any time.",
        ReviewDecision.Achieved => "You got there! It's marked achieved when you complete the review.",
        _ => "It no longer fits. Letting go is a decision too. Please say why.",
    };

    /// <summary>What completing the review does with a decision.</summary>
    public static string Effect(ReviewDecision? decision) => decision switch
    {
        null => "No decision yet.",
        ReviewDecision.Keep => "Stays as it is.",
        ReviewDecision.Adjust => "Stays open; changes you save in the goal editor are kept in its history with this review.",
        ReviewDecision.Pivot => "Stays open in its new direction; changes you save in the goal editor are kept with this review.",
        ReviewDecision.Pause => "Will be paused.",
        ReviewDecision.Achieved => "Will be marked achieved — time to celebrate.",
        _ => "Will be retired, with your reason kept in its history.",
    };

    /// <summary>Past tense, for a completed review.</summary>
    public static string Done(ReviewDecision? decision) => decision switch
    {
        null => "No decision.",
        ReviewDecision.Keep => "Kept as it was.",
        ReviewDecision.Adjust => "Adjusted.",
        ReviewDecision.Pivot => "Changed direction.",
        ReviewDecision.Pause => "Paused.",
        ReviewDecision.Achieved => "Achieved.",
        _ => "Retired.",
    };

    /// <summary>
    /// A posted decision, by name only (never a number, never an unknown name): null for none, false when it isn't one
    /// of the choices.
    /// </summary>
    public static bool TryParse(string? value, out ReviewDecision? decision)
    {
        decision = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        foreach (var known in Enum.GetValues<ReviewDecision>())
        {
            if (string.Equals(known.ToString(), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                decision = known;
                return true;
            }
        }

        return false;
    }
}
