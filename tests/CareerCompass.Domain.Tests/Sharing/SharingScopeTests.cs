using CareerCompass.Domain.Sharing;

namespace CareerCompass.Domain.Tests.Sharing;

/// <summary>What each scope lets a counsellor see.</summary>
public sealed class SharingScopeTests
{
    [Theory]
    [InlineData(SharingScope.Plan, SharedArea.Dashboard, true)]
    [InlineData(SharingScope.Plan, SharedArea.Goals, true)]
    [InlineData(SharingScope.Plan, SharedArea.Reviews, true)]
    [InlineData(SharingScope.Plan, SharedArea.Reflection, false)]
    [InlineData(SharingScope.Plan, SharedArea.Contacts, false)]
    [InlineData(SharingScope.PlanAndReflection, SharedArea.Dashboard, true)]
    [InlineData(SharingScope.PlanAndReflection, SharedArea.Goals, true)]
    [InlineData(SharingScope.PlanAndReflection, SharedArea.Reviews, true)]
    [InlineData(SharingScope.PlanAndReflection, SharedArea.Reflection, true)]
    [InlineData(SharingScope.PlanAndReflection, SharedArea.Contacts, false)]
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
