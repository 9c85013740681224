using System.Globalization;
using CareerCompass.Domain.Sharing;

namespace CareerCompass.Web.Pages.Sharing;

/// <summary>The words for what is shared, said to the client ("your plan") and to the counsellor ("their plan"), in one voice.</summary>
public static class SharingLabels
{
    /// <summary>The choices on the invitation form, in the order shown.</summary>
    public static readonly IReadOnlyList<SharingScope> Scopes = [SharingScope.Plan, SharingScope.PlanAndReflection];

    public const string ContactsNeverShared = "Your contacts are never shared, whichever you choose.";

    public static string ForClient(SharingScope scope) => scope switch
    {
        SharingScope.PlanAndReflection => "Your plan and your reflection",
        _ => "Your plan",
    };

    public static string DescribeForClient(SharingScope scope) => scope switch
    {
        SharingScope.PlanAndReflection => "Everything in your plan, and also your reflection steps and their summary.",
        _ => "Your goals, milestones, action plans, reviews and dashboard.",
    };

    public static string ForCounsellor(SharingScope scope) => scope switch
    {
        SharingScope.PlanAndReflection => "their plan and their reflection",
        _ => "their plan",
    };

    public static string DescribeForCounsellor(SharingScope scope) => scope switch
    {
        SharingScope.PlanAndReflection => "their goals, milestones, action plans, reviews and dashboard, and their reflection steps and summary",
        _ => "their goals, milestones, action plans, reviews and dashboard",
    };

    /// <summary>A posted scope, by name only (never a number, never an unknown name).</summary>
    public static bool TryParse(string? value, out SharingScope scope)
    {
        foreach (var known in Scopes)
        {
            if (string.Equals(known.ToString(), value?.Trim(), StringComparison.Ordinal))
            {
                scope = known;
                return true;
            }
        }

        scope = default;
        return false;
    }

    /// <summary>"1 Dec 2026, 14:05" — a stored UTC time already moved to the reader's clock.</summary>
    public static string When(DateTime local) => local.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Tuesday 1 December 2026".</summary>
    public static string Day(DateTime local) => local.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for a &lt;time&gt; element: the UTC instant.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);
}
