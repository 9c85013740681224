using CareerCompass.Domain.Occupations;
using CareerCompass.Domain.Reflection;

namespace CareerCompass.Domain.Tests.Occupations;

public sealed class SuggestionsTests
{
    // Someone who loves helping people, likes working things out and creating: the profile whose list used to be
    // mostly postsecondary teachers (25-1).
    private static readonly Dictionary<RiasecArea, double> Caring = Person(r: 1, i: 4, a: 3, s: 5, e: 1, c: 1);

    private static Dictionary<RiasecArea, double> Person(double r, double i, double a, double s, double e, double c) => new()
    {
        [RiasecArea.Realistic] = r, [RiasecArea.Investigative] = i, [RiasecArea.Artistic] = a,
        [RiasecArea.Social] = s, [RiasecArea.Enterprising] = e, [RiasecArea.Conventional] = c,
    };

    private static SuggestionCandidate Job(string code, double[] interests, double[]? values = null, int zone = 3, string[]? related = null, string? title = null) =>
        new(code, title ?? code, zone, interests, values, related ?? []);

    private static double[] Values(double achievement = 4, double conditions = 4, double recognition = 4, double relationships = 4, double support = 4, double independence = 4) =>
        [achievement, conditions, recognition, relationships, support, independence];

    private static ChosenValue Value(string key) => new() { Id = Guid.NewGuid(), Key = key };

    private static CareerOption Named(string code, string title) => new() { Id = Guid.NewGuid(), Title = title, OccupationCode = code };

    private static IReadOnlyList<Suggestion> Rank(SuggestionRequest request, IReadOnlyList<SuggestionCandidate>? candidates = null) =>
        Suggestions.Rank(request, candidates ?? OnetSample.All);

    [Fact]
    public void Every_catalogue_value_is_mapped_to_an_onet_work_value_or_deliberately_not()
    {
        Assert.Equal(WorkValues.Catalogue.Select(v => v.Key).Order(StringComparer.Ordinal), Suggestions.ValueMap.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(OnetWorkValue.Relationships, Suggestions.ValueMap["helping-others"]);
        Assert.Equal(OnetWorkValue.Independence, Suggestions.ValueMap["autonomy"]);
        Assert.Null(Suggestions.ValueMap["work-life-balance"]);
    }

    [Theory]
    [InlineData(PreparationHave.NotSaid, PreparationWilling.NotSure, null)]
    [InlineData(PreparationHave.Degree, PreparationWilling.NotSure, null)]
    [InlineData(PreparationHave.NotSaid, PreparationWilling.OnTheJob, 2)]
    [InlineData(PreparationHave.School, PreparationWilling.Course, 3)]
    [InlineData(PreparationHave.Degree, PreparationWilling.OnTheJob, 4)]
    [InlineData(PreparationHave.Vocational, PreparationWilling.Graduate, 5)]
    public void Preparation_answers_map_to_the_highest_job_zone_within_reach(PreparationHave have, PreparationWilling willing, int? zone) =>
        Assert.Equal(zone, Preparation.HighestZone(have, willing));

    [Fact]
    public void Without_values_or_options_the_order_is_interest_fit()
    {
        var suggestions = Rank(new SuggestionRequest { Interests = Caring, Values = [new ChosenValue { Custom = "Being outdoors" }] });

        Assert.Equal(10, suggestions.Count);
        Assert.All(suggestions, s => Assert.Equal(s.InterestFit, s.Score));
        var best = OnetSample.All.MaxBy(o => Riasec.Fit(Caring, o.Interests))!;
        Assert.Equal(best.Code, suggestions[0].Occupation.Code);
    }

    [Fact]
    public void Ranked_values_change_the_order_of_similar_interest_fits()
    {
        var social = new double[] { 1, 3, 2, 7, 2, 1 };
        var candidates = new[]
        {
            Job("21-1011.00", [1, 4, 2.5, 7, 2.5, 1], Values(independence: 2, relationships: 2), title: "Steady"),
            Job("29-1011.00", social, Values(independence: 7), title: "Independent"),
            Job("39-1011.00", social, Values(relationships: 7), title: "Caring"),
        };
        var people = Person(1, 3, 2, 5, 2, 1);

        var none = Rank(new SuggestionRequest { Interests = people }, candidates);
        var autonomy = Rank(new SuggestionRequest { Interests = people, Values = [Value("autonomy"), Value("helping-others")] }, candidates);
        var helping = Rank(new SuggestionRequest { Interests = people, Values = [Value("helping-others"), Value("autonomy")] }, candidates);

        Assert.Equal("Independent", autonomy[0].Occupation.Title);
        Assert.Equal("Caring", helping[0].Occupation.Title);
        Assert.Equal("Steady", autonomy[^1].Occupation.Title);
        Assert.NotEqual(none.Select(s => s.Occupation.Code), autonomy.Select(s => s.Occupation.Code));
    }

    [Fact]
    public void Values_cannot_lift_a_poor_interest_match_over_a_good_one()
    {
        var candidates = new[]
        {
            Job("21-1011.00", [1, 3, 2, 7, 2, 1], Values(independence: 1), title: "Good interest fit"),
            Job("17-2011.00", [7, 4, 1, 1, 2, 5], Values(independence: 7, achievement: 7), title: "Poor interest fit"),
        };

        var ranked = Rank(new SuggestionRequest { Interests = Person(1, 3, 2, 5, 2, 1), Values = [Value("autonomy"), Value("achievement")] }, candidates);

        Assert.Equal("Good interest fit", ranked[0].Occupation.Title);
    }

    [Fact]
    public void Occupations_beyond_the_preparation_someone_would_take_on_drop_back()
    {
        var within = Rank(new SuggestionRequest { Interests = Caring, HighestZone = 3 });
        var onlyFive = Rank(new SuggestionRequest { Interests = Caring, HighestZone = 3, OnlyZone = 5 });

        Assert.Equal(10, within.Count);
        Assert.All(within, s => Assert.InRange(s.Occupation.JobZone, 1, 3));
        Assert.All(within, s => Assert.False(s.BeyondPreparation));
        Assert.Equal(10, onlyFive.Count);
        Assert.All(onlyFive, s => Assert.True(s.BeyondPreparation));
        Assert.All(onlyFive, s => Assert.EndsWith("It usually takes more preparation than you said you'd take on.", s.Why, StringComparison.Ordinal));
    }

    [Fact]
    public void The_zone_filter_keeps_only_that_zone()
    {
        var zoneTwo = Rank(new SuggestionRequest { Interests = Caring, OnlyZone = 2 });

        Assert.NotEmpty(zoneTwo);
        Assert.All(zoneTwo, s => Assert.Equal(2, s.Occupation.JobZone));
    }

    [Fact]
    public void A_named_option_lifts_occupations_close_to_it_and_says_so()
    {
        var candidates = new[]
        {
            Job("29-1141.00", [2, 4, 1, 6, 2, 2], title: "Registered Nurses", related: ["31-1131.00"]),
            Job("21-1011.00", [1, 3, 2, 7, 2, 1.1], title: "Counsellors"),
            Job("31-1131.00", [2, 3, 2, 7, 2, 1.3], title: "Nursing Assistants"),
            Job("29-1171.00", [2, 3, 2, 7, 2, 1.4], title: "Nurse Practitioners"),
            Job("43-4051.00", [1, 2, 1, 5, 3, 5], title: "Customer Service", related: ["29-1141.00"]),
        };
        var person = Person(1, 3, 2, 5, 2, 1);

        var without = Rank(new SuggestionRequest { Interests = person }, candidates);
        var with = Rank(new SuggestionRequest { Interests = person, Options = [Named("29-1141.00", "Registered Nurses")] }, candidates);

        Assert.Equal("Counsellors", without[0].Occupation.Title);
        Assert.DoesNotContain(with, s => s.Occupation.Code == "29-1141.00");
        Assert.Equal("Nursing Assistants", with[0].Occupation.Title); // O*NET-related
        Assert.Equal("Nurse Practitioners", with[1].Occupation.Title); // same minor group, 29-1
        Assert.Null(with.Single(s => s.Occupation.Title == "Counsellors").CloseTo);
        Assert.Equal("Registered Nurses", with.Single(s => s.Occupation.Title == "Customer Service").CloseTo); // related the other way round
        Assert.Contains("It's close to Registered Nurses, which you're already considering.", with[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_option_on_the_real_data_lifts_its_related_occupations()
    {
        var named = OnetSample.All.Single(o => o.Code == "29-1141.00");
        var suggestions = Rank(new SuggestionRequest { Interests = Caring, Options = [Named(named.Code, named.Title)] });

        Assert.DoesNotContain(suggestions, s => s.Occupation.Code == named.Code);
        Assert.Contains(suggestions, s => s.CloseTo == "Registered Nurses");
        Assert.All(suggestions.Where(s => s.CloseTo is not null), s => Assert.True(named.Related.Contains(s.Occupation.Code) || s.Occupation.MinorGroup == "29-1" || s.Occupation.Related.Contains(named.Code)));
    }

    [Fact]
    public void A_caring_profiles_top_ten_has_at_most_three_postsecondary_teachers_and_is_led_by_the_best_fit()
    {
        var before = OnetSample.All.OrderByDescending(o => Riasec.Fit(Caring, o.Interests)).Take(10).Count(o => o.Code.StartsWith("25-1", StringComparison.Ordinal));
        var suggestions = Rank(new SuggestionRequest { Interests = Caring, Values = [Value("helping-others"), Value("autonomy")] });

        Assert.True(before > 3, $"The caring profile's plain interest list had only {before} postsecondary teachers; the test needs a harder case.");
        Assert.Equal(10, suggestions.Count);
        Assert.InRange(suggestions.Count(s => s.Occupation.MinorGroup == "25-1"), 1, Suggestions.MaxPerGroup);
        Assert.All(suggestions.GroupBy(s => s.Occupation.MinorGroup), g => Assert.True(g.Count() <= Suggestions.MaxPerGroup, g.Key));
        var best = Rank(new SuggestionRequest { Interests = Caring, Values = [Value("helping-others"), Value("autonomy")], Limit = 1000 }).MaxBy(s => s.Score)!;
        Assert.Equal(best.Occupation.Code, suggestions[0].Occupation.Code);
    }

    [Fact]
    public void When_one_group_is_all_there_is_the_list_is_filled_from_it_in_order()
    {
        var candidates = Enumerable.Range(0, 6).Select(i => Job($"25-10{i}1.00", [1, 4, 3, 5, 1, 1 + (i * 0.5)])).ToList();

        var suggestions = Rank(new SuggestionRequest { Interests = Caring }, candidates);

        Assert.Equal(candidates.Select(c => c.Code), suggestions.Select(s => s.Occupation.Code));
    }

    [Fact]
    public void Variety_keeps_three_from_a_group_then_lets_the_next_groups_in()
    {
        var candidates = Enumerable.Range(0, 5).Select(i => Job($"25-10{i}1.00", [1, 4, 3, 5, 1, 1 + (i * 0.1)]))
            .Append(Job("21-1011.00", [1, 3, 2, 6, 2, 2])).ToList();

        var suggestions = Rank(new SuggestionRequest { Interests = Caring, Limit = 4 }, candidates);

        Assert.Equal(["25-1001.00", "25-1011.00", "25-1021.00", "21-1011.00"], suggestions.Select(s => s.Occupation.Code));
    }

    [Fact]
    public void The_reason_names_the_interest_and_the_value_the_work_scores_high_on()
    {
        var candidates = new[] { Job("21-1011.00", [1, 3, 2, 7, 2, 1], Values(independence: 6, recognition: 2)) };

        var why = Rank(new SuggestionRequest { Interests = Person(1, 2, 2, 5, 1, 1), Values = [Value("recognition"), Value("autonomy")] }, candidates)[0].Why;

        Assert.Equal("You enjoy helping people and value autonomy; this work scores high on both.", why);
    }

    [Fact]
    public void A_longer_reason_stays_one_readable_sentence()
    {
        var candidates = new[] { Job("21-1011.00", [1, 5, 2, 7, 2, 1], Values(independence: 6, relationships: 6.5)) };

        var why = Rank(new SuggestionRequest { Interests = Person(1, 4, 2, 5, 1, 1), Values = [Value("helping-others"), Value("autonomy")] }, candidates)[0].Why;

        Assert.Equal("You enjoy helping people and working things out, and you value helping others and autonomy; this work scores high on all of these.", why);
    }

    [Fact]
    public void The_reason_never_claims_a_value_the_work_does_not_score_high_on()
    {
        var candidates = new[] { Job("21-1011.00", [1, 3, 2, 7, 2, 1], Values(independence: 4.9)) };

        var why = Rank(new SuggestionRequest { Interests = Person(1, 4, 2, 5, 1, 1), Values = [Value("autonomy")] }, candidates)[0].Why;

        Assert.DoesNotContain("autonomy", why, StringComparison.Ordinal);
        Assert.Equal("This work centres on helping people and working things out, which you enjoy; the fit is mostly about interests. It isn't especially strong on the values you ranked highest.", why);
    }

    [Fact]
    public void Without_work_values_data_the_values_count_for_nothing_and_the_reason_says_so()
    {
        var candidates = new[] { Job("21-1011.00", [1, 3, 2, 7, 2, 1]) };

        var suggestion = Rank(new SuggestionRequest { Interests = Caring, Values = [Value("autonomy")] }, candidates)[0];

        Assert.Equal(0, suggestion.ValuesFit);
        Assert.Contains("mostly about interests", suggestion.Why, StringComparison.Ordinal);
        Assert.Contains("O*NET has no work-values figures for it", suggestion.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_values_the_reason_is_about_interests_only()
    {
        var suggestions = Rank(new SuggestionRequest { Interests = Caring });

        Assert.All(suggestions, s => Assert.DoesNotContain("value", s.Why, StringComparison.Ordinal));
        Assert.All(suggestions, s => Assert.Null(s.CloseTo));
        Assert.All(suggestions, s => Assert.InRange(s.Why.Length, 20, 200));
    }

    [Fact]
    public void Every_suggestion_on_the_real_data_has_a_reason_that_matches_its_scores()
    {
        var values = new[] { Value("helping-others"), Value("autonomy"), Value("financial-security") };
        var suggestions = Rank(new SuggestionRequest { Interests = Caring, Values = values, Limit = 50 });

        foreach (var s in suggestions)
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Why));
            var scores = s.Occupation.WorkValues;
            Assert.True(!s.Why.Contains("value helping others", StringComparison.Ordinal) || scores![(int)OnetWorkValue.Relationships] >= Suggestions.HighValue, s.Why);
            Assert.True(!s.Why.Contains("autonomy", StringComparison.Ordinal) || scores![(int)OnetWorkValue.Independence] >= Suggestions.HighValue, s.Why);
        }
    }

    [Fact]
    public void Everything_dismissed_or_named_leaves_no_suggestions()
    {
        var candidates = new[] { Job("21-1011.00", [1, 3, 2, 7, 2, 1]), Job("29-1141.00", [1, 3, 2, 6, 2, 1]) };

        var none = Rank(new SuggestionRequest { Interests = Caring, Dismissed = ["21-1011.00"], Options = [Named("29-1141.00", "Registered Nurses")] }, candidates);

        Assert.Empty(none);
    }

    [Fact]
    public void No_candidates_and_a_zero_limit_are_fine()
    {
        Assert.Empty(Rank(new SuggestionRequest { Interests = Caring }, []));
        Assert.Empty(Rank(new SuggestionRequest { Interests = Caring, Limit = 0 }));
    }
}
