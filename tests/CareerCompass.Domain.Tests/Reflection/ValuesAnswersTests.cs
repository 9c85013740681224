using CareerCompass.Domain.Reflection;

namespace CareerCompass.Domain.Tests.Reflection;

public sealed class ValuesAnswersTests
{
    private static ValuesAnswers Chosen(params string[] keys) =>
        (ValuesAnswers)new ValuesAnswers { Chosen = keys.Select(k => new ChosenValue { Key = k }).ToList() }.Normalized();

    [Fact]
    public void The_catalogue_has_at_least_fifteen_values_each_with_a_meaning()
    {
        Assert.True(WorkValues.Catalogue.Count >= 15);
        Assert.All(WorkValues.Catalogue, v => Assert.False(string.IsNullOrWhiteSpace(v.Meaning)));
        Assert.Equal(WorkValues.Catalogue.Count, WorkValues.Catalogue.Select(v => v.Key).Distinct().Count());
    }

    [Fact]
    public void The_top_five_are_the_first_five_in_rank_order()
    {
        var values = Chosen("learning", "autonomy", "teamwork", "variety", "stability", "challenge");
        Assert.Equal(["Learning", "Autonomy", "Teamwork", "Variety", "Stability"], values.TopFive.Select(v => v.DisplayName));
    }

    [Fact]
    public void Moving_up_and_down_swaps_with_the_neighbour()
    {
        var values = Chosen("learning", "autonomy", "teamwork");
        var teamwork = values.Chosen[2].Id;

        var up = values.Move(teamwork, -1);
        Assert.Equal(["learning", "teamwork", "autonomy"], up.Chosen.Select(v => v.Key));

        var down = up.Move(up.Chosen[0].Id, +1);
        Assert.Equal(["teamwork", "learning", "autonomy"], down.Chosen.Select(v => v.Key));
    }

    [Fact]
    public void Moving_past_either_end_changes_nothing()
    {
        var values = Chosen("learning", "autonomy");
        Assert.Equal(values.Chosen, values.Move(values.Chosen[0].Id, -1).Chosen);
        Assert.Equal(values.Chosen, values.Move(values.Chosen[1].Id, +1).Chosen);
        Assert.Equal(values.Chosen, values.Move(Guid.NewGuid(), +1).Chosen);
    }

    [Fact]
    public void Own_values_are_kept_and_duplicates_dropped()
    {
        var values = (ValuesAnswers)new ValuesAnswers
        {
            Chosen =
            [
                new() { Key = "learning" }, new() { Key = "learning" }, new() { Custom = " Faith " }, new() { Custom = "faith" }, new() { Custom = " " },
            ],
        }.Normalized();

        Assert.Equal(["Learning", "Faith"], values.Chosen.Select(v => v.DisplayName));
    }
}
