using CareerCompass.Domain.Reflection;

namespace CareerCompass.Domain.Tests.Reflection;

public sealed class RiasecTests
{
    private static Dictionary<string, int> Rate(int r, int i, int a, int s, int e, int c)
    {
        var byArea = new Dictionary<RiasecArea, int>
        {
            [RiasecArea.Realistic] = r, [RiasecArea.Investigative] = i, [RiasecArea.Artistic] = a,
            [RiasecArea.Social] = s, [RiasecArea.Enterprising] = e, [RiasecArea.Conventional] = c,
        };
        return Riasec.Activities.ToDictionary(x => x.Id, x => byArea[x.Area]);
    }

    [Fact]
    public void Six_areas_with_three_activities_each()
    {
        Assert.Equal(6, Riasec.Areas.Count);
        Assert.All(Enum.GetValues<RiasecArea>(), area => Assert.Equal(3, Riasec.Activities.Count(a => a.Area == area)));
        Assert.Equal(Riasec.Activities.Count, Riasec.Activities.Select(a => a.Id).Distinct().Count());
    }

    [Fact]
    public void The_holland_code_is_the_three_highest_areas_in_order()
    {
        var profile = Riasec.ProfileFrom(Rate(r: 1, i: 4, a: 3, s: 5, e: 2, c: 1));
        Assert.Equal("SIA", profile.HollandCode);
        Assert.True(profile.IsComplete);
    }

    [Fact]
    public void Areas_are_averaged_over_the_activities_rated()
    {
        var ratings = Rate(1, 1, 1, 1, 1, 1);
        ratings["e1"] = 5;
        ratings["e2"] = 5;
        ratings.Remove("e3");

        var profile = Riasec.ProfileFrom(ratings);

        Assert.Equal(5, profile.Scores[RiasecArea.Enterprising]);
        Assert.Equal('E', profile.HollandCode[0]);
    }

    [Fact]
    public void Ties_keep_riasec_order_so_the_code_is_stable()
    {
        Assert.Equal("RIA", Riasec.ProfileFrom(Rate(3, 3, 3, 3, 3, 3)).HollandCode);
        Assert.Equal("ASE", Riasec.ProfileFrom(Rate(1, 1, 4, 4, 4, 4)).HollandCode);
    }

    [Fact]
    public void No_code_until_every_area_has_a_rating()
    {
        var ratings = Rate(3, 3, 3, 3, 3, 3);
        foreach (var id in new[] { "c1", "c2", "c3" })
        {
            ratings.Remove(id);
        }

        var profile = Riasec.ProfileFrom(ratings);

        Assert.False(profile.IsComplete);
        Assert.Equal(string.Empty, profile.HollandCode);
    }

    [Fact]
    public void Ratings_out_of_range_or_for_unknown_activities_are_ignored()
    {
        var ratings = Rate(2, 2, 2, 2, 2, 2);
        ratings["r1"] = 9;
        ratings["zz"] = 5;

        var profile = Riasec.ProfileFrom(ratings);

        Assert.Equal(2, profile.Scores[RiasecArea.Realistic]);
    }

    [Fact]
    public void An_occupation_of_the_same_shape_fits_better_than_an_opposite_one()
    {
        var person = Riasec.ProfileFrom(Rate(1, 4, 3, 5, 2, 1)).Scores;
        var teacher = new[] { 1.5, 4.0, 3.2, 6.8, 2.5, 1.9 };
        var machinist = new[] { 6.9, 3.0, 1.2, 1.4, 2.0, 4.5 };

        Assert.True(Riasec.Fit(person, teacher) > 0.8);
        Assert.True(Riasec.Fit(person, machinist) < 0);
    }

    [Fact]
    public void A_flat_profile_fits_nothing_in_particular()
    {
        var person = Riasec.ProfileFrom(Rate(3, 3, 3, 3, 3, 3)).Scores;
        Assert.Equal(0, Riasec.Fit(person, [1, 2, 3, 4, 5, 6]));
    }
}
