using CareerCompass.Domain.Sharing;

namespace CareerCompass.Domain.Tests.Sharing;

/// <summary>What each scope lets a counsellor see.</summary>
public sealed class SharingScopeTests
{
    /// <summary>Every scope × area and whether a counsellor may see it (the grant tests use the same table).</summary>
    public static TheoryData<SharingScope, SharedArea, bool> Areas => new()
    {
        { SharingScope.Plan, SharedArea.Dashboard, true },
        { SharingScope.Plan, SharedArea.Goals, true },
        { SharingScope.Plan, SharedArea.Reviews, true },
        { SharingScope.Plan, SharedArea.Reflection, false },
        { SharingScope.Plan, SharedArea.Contacts, false },
        { SharingScope.PlanAndReflection, SharedArea.Dashboard, true },
        { SharingScope.PlanAndReflection, SharedArea.Goals, true },
        { SharingScope.PlanAndReflection, SharedArea.Reviews, true },
        { SharingScope.PlanAndReflection, SharedArea.Reflection, true },
        { SharingScope.PlanAndReflection, SharedArea.Contacts, false },
    };

    [Theory]
    [MemberData(nameof(Areas))]
    public void Each_scope_allows_its_areas(SharingScope scope, SharedArea area, bool allowed) =>
        Assert.Equal(allowed, scope.Allows(area));

    [Fact]
    public void Every_scope_and_area_is_covered_and_contacts_are_never_shared()
    {
        foreach (var scope in Enum.GetValues<SharingScope>())
        {
            Assert.False(scope.Allows(SharedArea.Contacts));
        }

        Assert.Equal(2, Enum.GetValues<SharingScope>().Length);
        Assert.Equal(5, Enum.GetValues<SharedArea>().Length);
    }

    [Fact]
    public void An_unknown_scope_or_area_allows_nothing()
    {
        Assert.False(((SharingScope)99).Allows(SharedArea.Goals));
        Assert.False(SharingScope.PlanAndReflection.Allows((SharedArea)99));
    }
}
