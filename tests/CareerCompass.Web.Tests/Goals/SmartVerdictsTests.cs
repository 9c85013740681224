using CareerCompass.Domain.Goals;
using CareerCompass.Web.Pages.Goals;

namespace CareerCompass.Web.Tests.Goals;

/// <summary>The goal page's kept verdicts: always the coach's own for the input and the day, never another's.</summary>
public sealed class SmartVerdictsTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Fact]
    public void A_kept_verdict_is_the_coachs_own_for_the_same_input_and_day_and_a_new_day_or_new_words_get_their_own()
    {
        using var verdicts = new SmartVerdicts();
        var smart = new SmartInput("Finish 3 online courses in data analysis by 30 June 2027", GoalHorizon.ShortTerm, "courses finished", "3", new DateOnly(2027, 6, 30), 8, 1);
        var vague = smart with { Statement = "Get better at data" };

        var first = verdicts.Check(smart, Today);
        var again = verdicts.Check(smart with { }, Today); // an equal input, built afresh, as a page load builds it
        var afterTheDeadline = verdicts.Check(smart, new DateOnly(2027, 7, 1));
        var otherWords = verdicts.Check(vague, Today);

        Assert.Equal(SmartCoach.Check(smart, Today), first);
        Assert.Same(first, again);
        Assert.Equal(SmartCoach.Check(smart, new DateOnly(2027, 7, 1)), afterTheDeadline);
        Assert.NotEqual(first.TimeBound, afterTheDeadline.TimeBound);
        Assert.Equal(SmartCoach.Check(vague, Today), otherWords);
        Assert.NotEqual(first.Specific.Status, otherWords.Specific.Status);
    }
}
