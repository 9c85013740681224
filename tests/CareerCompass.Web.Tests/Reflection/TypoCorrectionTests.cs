using CareerCompass.Web.Pages.Reflection.Occupations;

namespace CareerCompass.Web.Tests.Reflection;

/// <summary>
/// The typo fallback's choice among the candidate words the trigram index returned (no database: the candidates are
/// given as the statement returns them, one string of words separated by spaces).
/// </summary>
public sealed class TypoCorrectionTests
{
    [Fact]
    public void A_misspelt_word_is_tried_with_the_two_words_sharing_most_of_its_pieces()
    {
        var corrected = SqliteOccupationSearch.Correct(["registerd", "nurse"], "nurse nursery register registered registrar regimental sister");

        Assert.NotNull(corrected);
        // "register" keeps 6 of the 7 pieces and has 6 (Dice 12/13); "registered" keeps 6 and has 8 (12/15).
        Assert.Equal(["registerd", "register", "registered"], corrected[0]);
        Assert.Equal(["nurse"], corrected[1]);
    }

    [Fact]
    public void Words_that_are_in_the_titles_stay_as_they_are_and_nothing_to_correct_is_null()
    {
        Assert.Null(SqliteOccupationSearch.Correct(["chief", "executive"], "chief chiefs executive executives"));
        Assert.Null(SqliteOccupationSearch.Correct(["ux"], "user"));
    }

    [Fact]
    public void A_candidate_sharing_too_few_pieces_is_not_offered()
    {
        // "zebra" keeps one piece ("bra") in either; "dietician" keeps 3 of "elecrician"'s 8 pieces, fewer than half.
        Assert.Null(SqliteOccupationSearch.Correct(["zebra"], "bracket cobra"));
        var electrician = SqliteOccupationSearch.Correct(["elecrician"], "electrician electricians dietician");
        Assert.NotNull(electrician);
        Assert.Equal(["elecrician", "electrician", "electricians"], electrician[0]);
    }

    [Fact]
    public void Ties_resolve_the_same_way_every_time_in_word_order()
    {
        var first = SqliteOccupationSearch.Correct(["acountant"], "accountants accountant");
        var second = SqliteOccupationSearch.Correct(["acountant"], "accountant accountants");

        Assert.NotNull(first);
        Assert.Equal(first[0], second![0]);
        Assert.Equal("accountant", first[0][1]);
    }

    [Fact]
    public void The_typo_match_asks_for_pairs_of_nearby_pieces_of_each_word_of_three_letters_or_more()
    {
        Assert.Null(SqliteOccupationSearch.TypoMatch(["ux", "it"]));
        Assert.Equal("((\"nur\" \"urs\") OR (\"nur\" \"rse\") OR (\"urs\" \"rse\"))", SqliteOccupationSearch.TypoMatch(["nurse"]));
    }
}
