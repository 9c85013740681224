using System.Globalization;
using System.Text;
using CareerCompass.Domain.Goals;

namespace CareerCompass.CoachCorpus;

/// <summary>One labelled goal from tests/coach-corpus: what the coach is given, and what a careful coach said of it.</summary>
public sealed record CorpusRow(int Line, SmartInput Input, IReadOnlyDictionary<string, bool> Labels);

/// <summary>Reads the hand-labelled corpus (see tests/coach-corpus/README.md) and scores the coach against it.</summary>
public static class CoachCorpus
{
    /// <summary>The "today" every row is judged on; deadlines in the files are after it unless a row is about a past date.</summary>
    public static readonly DateOnly Today = new(2026, 3, 1);

    public static readonly string[] Criteria = ["specific", "measurable", "achievable", "relevant", "timebound"];

    /// <summary>The folder holding develop.csv and measured.csv: next to the running program, or found walking up to the repository.</summary>
    public static string Folder()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "coach-corpus");
        if (File.Exists(Path.Combine(beside, "develop.csv")))
        {
            return beside;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "coach-corpus");
            if (File.Exists(Path.Combine(candidate, "develop.csv")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("tests/coach-corpus/develop.csv was not found beside the program or above it.");
    }

    public static IReadOnlyList<CorpusRow> Load(string half)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder(), half + ".csv"), Encoding.UTF8);
        var header = Split(lines[0]);
        var rows = new List<CorpusRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            var cells = Split(lines[i]);
            if (cells.Count != header.Count)
            {
                throw new FormatException($"{half}.csv line {i + 1}: {cells.Count} cells, expected {header.Count}.");
            }

            string? Cell(string name) => cells[header.IndexOf(name)] is { Length: > 0 } value ? value : null;
            var input = new SmartInput(
                Cell("statement") ?? string.Empty,
                Measure: Cell("measure"),
                Target: Cell("target"),
                Deadline: Cell("deadline") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                Confidence: Cell("confidence") is { } c ? int.Parse(c, CultureInfo.InvariantCulture) : null,
                LinkedItems: Cell("links") is { } l ? int.Parse(l, CultureInfo.InvariantCulture) : null,
                HasConfidencePlan: Cell("plan") == "y");
            var labels = Criteria.ToDictionary(c => c, c => Cell(c) switch
            {
                "y" => true,
                "n" => false,
                var other => throw new FormatException($"{half}.csv line {i + 1}: {c} is \"{other}\", expected y or n."),
            });
            rows.Add(new CorpusRow(i + 1, input, labels));
        }

        return rows;
    }

    /// <summary>Whether the coach calls a criterion met: "needs input" counts as not met, as it does on the goal page.</summary>
    public static bool Says(SmartVerdict verdict, string criterion) => criterion switch
    {
        "specific" => verdict.Specific.Status == SmartStatus.Met,
        "measurable" => verdict.Measurable.Status == SmartStatus.Met,
        "achievable" => verdict.Achievable.Status == SmartStatus.Met,
        "relevant" => verdict.Relevant.Status == SmartStatus.Met,
        "timebound" => verdict.TimeBound.Status == SmartStatus.Met,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion)),
    };

    /// <summary>Per criterion: the share of rows where the coach agrees with the label, and the rows where it doesn't.</summary>
    public static IReadOnlyDictionary<string, (double Agreement, IReadOnlyList<(CorpusRow Row, bool Coach)> Disagreements)> Score(IReadOnlyList<CorpusRow> rows)
    {
        var verdicts = rows.Select(r => SmartCoach.Check(r.Input, Today)).ToList();
        return Criteria.ToDictionary(c => c, c =>
        {
            var wrong = rows.Select((r, i) => (Row: r, Coach: Says(verdicts[i], c))).Where(x => x.Coach != x.Row.Labels[c]).ToList();
            return (100.0 * (rows.Count - wrong.Count) / rows.Count, (IReadOnlyList<(CorpusRow, bool)>)wrong);
        });
    }

    private static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
