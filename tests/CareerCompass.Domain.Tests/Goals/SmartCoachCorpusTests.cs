using CareerCompass.CoachCorpus;

namespace CareerCompass.Domain.Tests.Goals;

/// <summary>
/// The coach against careful human labels (tests/coach-corpus/README.md): at least 95% agreement per criterion on the
/// half it was developed against, and a floor on the half it was only ever measured on, set at what it reached.
/// </summary>
public sealed class SmartCoachCorpusTests
{
    public static TheoryData<string> Criteria() => new(CoachCorpus.CoachCorpus.Criteria);

    /// <summary>Measured-half agreement reached when the coach was finished (docs/benchmarks.md), rounded down; not tuned.</summary>
    private static readonly Dictionary<string, double> MeasuredFloor = new()
    {
        ["specific"] = 99.0,
        ["measurable"] = 98.5,
        ["achievable"] = 100.0,
        ["relevant"] = 100.0,
        ["timebound"] = 99.0,
    };

    [Fact]
    public void Each_half_holds_about_200_labelled_statements()
    {
        Assert.InRange(CoachCorpus.CoachCorpus.Load("develop").Count, 200, 260);
        Assert.InRange(CoachCorpus.CoachCorpus.Load("measured").Count, 200, 260);
    }

    [Theory]
    [MemberData(nameof(Criteria))]
    public void The_coach_agrees_with_the_labels_on_the_develop_half(string criterion)
    {
        var (agreement, wrong) = CoachCorpus.CoachCorpus.Score(CoachCorpus.CoachCorpus.Load("develop"))[criterion];
        Assert.True(agreement >= 95.0, $"{criterion}: {agreement:0.0}% — disagrees on: {string.Join(" | ", wrong.Select(w => $"line {w.Row.Line}: {w.Row.Input.Statement}"))}");
    }

    [Theory]
    [MemberData(nameof(Criteria))]
    public void The_coach_keeps_its_agreement_on_the_measured_half(string criterion)
    {
        // No statements in the message: the measured half is for measuring, not for tuning against.
        var (agreement, _) = CoachCorpus.CoachCorpus.Score(CoachCorpus.CoachCorpus.Load("measured"))[criterion];
        Assert.True(agreement >= MeasuredFloor[criterion], $"{criterion}: {agreement:0.0}% on the measured half, below its floor of {MeasuredFloor[criterion]:0.0}%");
    }
}
