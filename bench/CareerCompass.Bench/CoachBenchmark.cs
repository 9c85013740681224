using System.Globalization;
using CareerCompass.CoachCorpus;

namespace CareerCompass.Bench;

/// <summary>
/// `coach`: how often the SMART coach agrees with careful human labels, per criterion, on the develop half and the
/// measured half of tests/coach-corpus. Disagreements are listed for the develop half only: the measured half is
/// for measuring, not for tuning against.
/// </summary>
public static class CoachBenchmark
{
    public static void Run(string[] args)
    {
        if (args.Length > 0)
        {
            // One statement: what the coach says of it, as if written today with nothing else filled in.
            var verdict = CareerCompass.Domain.Goals.SmartCoach.Check(new CareerCompass.Domain.Goals.SmartInput(string.Join(' ', args)), CoachCorpus.CoachCorpus.Today);
            foreach (var (name, criterion) in new[] { ("specific", verdict.Specific), ("measurable", verdict.Measurable), ("achievable", verdict.Achievable), ("relevant", verdict.Relevant), ("time-bound", verdict.TimeBound) })
            {
                Console.WriteLine($"{name,-11} {criterion.Status,-10} {criterion.Advice}");
            }

            return;
        }

        foreach (var half in new[] { "develop", "measured" })
        {
            var rows = CoachCorpus.CoachCorpus.Load(half);
            var score = CoachCorpus.CoachCorpus.Score(rows);
            Console.WriteLine($"{half} ({rows.Count} statements): agreement per criterion");
            foreach (var (criterion, (agreement, _)) in score)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {criterion,-11} {agreement,6:0.0}%"));
            }

            if (half == "develop")
            {
                foreach (var (criterion, (_, wrong)) in score)
                {
                    foreach (var (row, coach) in wrong)
                    {
                        Console.WriteLine($"  ! {criterion}: coach says {(coach ? "met" : "not met")}, label {(coach ? "not met" : "met")} — line {row.Line}: {row.Input.Statement}");
                    }
                }
            }
        }
    }
}
