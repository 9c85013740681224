using CareerCompass.Domain.Goals;
using CareerCompass.Web.Pages.Goals;

namespace CareerCompass.Web.Components;

/// <summary>How a status badge looks: the quiet light one for everyday states, colour only where it carries meaning.</summary>
public enum BadgeTone
{
    Light,
    Success,
    Secondary,
    Warning,
    Info,
}

/// <summary>A status badge's words and tone (<see cref="Infrastructure.Design.StatusBadgeTagHelper"/>).</summary>
public sealed record StatusBadgeView(string Text, BadgeTone Tone = BadgeTone.Light)
{
    public static StatusBadgeView Of(GoalStatus status) => new(GoalLabels.Of(status));

    public static StatusBadgeView Of(MilestoneStatus status) => new(GoalLabels.Of(status));

    /// <summary>The badge's classes, Bootstrap's text-bg-* for the tone.</summary>
    public string Classes => Tone switch
    {
        BadgeTone.Success => "badge text-bg-success",
        BadgeTone.Secondary => "badge text-bg-secondary",
        BadgeTone.Warning => "badge text-bg-warning",
        BadgeTone.Info => "badge text-bg-info",
        _ => "badge text-bg-light border",
    };
}
