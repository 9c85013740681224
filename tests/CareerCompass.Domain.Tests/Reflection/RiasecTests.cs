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

    private static readonly string[] OriginalIds =
        ["r1", "r2", "r3", "i1", "i2", "i3", "a1", "a2", "a3", "s1", "s2", "s3", "e1", "e2", "e3", "c1", "c2", "c3"];

    [Fact]
    public void Six_areas_with_five_activities_each()
    {
        Assert.Equal(6, Riasec.Areas.Count);
        Assert.True(Riasec.Activities.Count >= 30);
        Assert.All(Enum.GetValues<RiasecArea>(), area => Assert.Equal(5, Riasec.Activities.Count(a => a.Area == area)));
        Assert.Equal(Riasec.Activities.Count, Riasec.Activities.Select(a => a.Id).Distinct().Count());
        Assert.Equal(Riasec.Activities.Count, Riasec.Activities.Select(a => a.Text).Distinct().Count());
        Assert.All(Riasec.Activities, a => Assert.InRange(a.Text.Length, 10, 80));
    }

    [Fact]
    public void The_original_activity_ids_are_kept_so_saved_ratings_still_count()
    {
        Assert.All(OriginalIds, id => Assert.True(Riasec.IsKnownActivity(id), id));
        Assert.All(OriginalIds, id => Assert.Equal(id[0], char.ToLowerInvariant(Riasec.Of(Riasec.Activities.Single(a => a.Id == id).Area).Letter)));
    }

    [Fact]
    public void Someone_who_rated_only_the_original_set_keeps_their_code()
    {
        var old = Rate(r: 1, i: 4, a: 3, s: 5, e: 2, c: 1).Where(r => OriginalIds.Contains(r.Key)).ToDictionary();

        var profile = Riasec.ProfileFrom(old);

        Assert.True(profile.IsComplete);
        Assert.Equal("SIA", profile.HollandCode);
    }

    [Fact]
    public void New_ratings_add_to_old_ones_in_the_average()
    {
        var ratings = Rate(r: 2, i: 2, a: 2, s: 2, e: 2, c: 2).Where(r => OriginalIds.Contains(r.Key)).ToDictionary();
        ratings["c4"] = 5;

        var profile = Riasec.ProfileFrom(ratings);

        Assert.Equal(11 / 4.0, profile.Scores[RiasecArea.Conventional], 6);
        Assert.Equal(RiasecArea.Conventional, profile.TopThree[0]);
    }

    [Fact]
    public void Every_area_has_plain_words()
    {
        Assert.All(Riasec.Areas, a => Assert.False(string.IsNullOrWhiteSpace(a.Plain)));
        Assert.Equal(6, Riasec.Areas.Select(a => a.Plain).Distinct().Count());
    }

    [Fact]
    public void The_result_reads_in_plain_words_first_with_the_names_in_brackets()
    {
        var profile = Riasec.ProfileFrom(Rate(r: 4, i: 1, a: 1, s: 5, e: 2, c: 3));

        Assert.Equal("helping people (Social), making things work (Realistic) and organising (Conventional)", profile.InPlainWords);
        Assert.Equal("SRC", profile.HollandCode);
    }

    [Fact]
    public void A_partial_rating_shows_a_leaning_but_no_code()
    {
        var profile = Riasec.ProfileFrom(new Dictionary<string, int> { ["s4"] = 5, ["a1"] = 3 });

        Assert.False(profile.IsComplete);
        Assert.Equal([RiasecArea.Social, RiasecArea.Artistic], profile.Leaning);
        Assert.Equal("helping people (Social) and creating and expressing (Artistic)", profile.InPlainWords);
    }

    [Fact]
    public void One_area_rated_reads_as_one_area_and_nothing_rated_as_nothing()
    {
        Assert.Equal("leading and persuading (Enterprising)", Riasec.ProfileFrom(new Dictionary<string, int> { ["e5"] = 2 }).InPlainWords);
        var empty = Riasec.ProfileFrom(new Dictionary<string, int>());
        Assert.Empty(empty.Leaning);
        Assert.Equal(string.Empty, empty.InPlainWords);
    }

    [Fact]
    public void Ties_in_the_leaning_keep_riasec_order()
    {
        var profile = Riasec.ProfileFrom(new Dictionary<string, int> { ["c1"] = 4, ["i2"] = 4, ["s3"] = 4, ["r5"] = 4 });

        Assert.Equal([RiasecArea.Realistic, RiasecArea.Investigative, RiasecArea.Social], profile.Leaning);
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
        ratings.Remove("e4");
        ratings.Remove("e5");

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
        foreach (var id in Riasec.Activities.Where(a => a.Area == RiasecArea.Conventional).Select(a => a.Id).ToList())
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
