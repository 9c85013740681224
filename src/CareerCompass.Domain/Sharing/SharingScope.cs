namespace CareerCompass.Domain.Sharing;

/// <summary>How much of their plan a client shares with a counsellor. Contacts are never shared, in any scope.</summary>
public enum SharingScope
{
    /// <summary>The plan: goals (with their milestones and action plans), reviews and the dashboard.</summary>
    Plan,

    /// <summary>The plan, and also the reflection steps and their summary.</summary>
    PlanAndReflection,
}

/// <summary>A part of a client's records that a counsellor might see.</summary>
public enum SharedArea
{
    Dashboard,

    /// <summary>Goals, with their milestones, action plans and history.</summary>
    Goals,

    Reviews,

    /// <summary>The reflection steps and the reflection summary.</summary>
    Reflection,

    /// <summary>The client's network. Always private to the client.</summary>
    Contacts,
}

public static class SharingScopeRules
{
    /// <summary>
    /// Whether a grant of this scope lets the counsellor see <paramref name="area"/>. Contacts stay private to the
    /// client in every scope; an unknown scope or area allows nothing.
    /// </summary>
    public static bool Allows(this SharingScope scope, SharedArea area) => (scope, area) switch
    {
        (_, SharedArea.Contacts) => false,
        (SharingScope.Plan or SharingScope.PlanAndReflection, SharedArea.Dashboard or SharedArea.Goals or SharedArea.Reviews) => true,
        (SharingScope.PlanAndReflection, SharedArea.Reflection) => true,
        _ => false,
    };
}
