using System.Globalization;
using System.Text;
using CareerCompass.Domain.Occupations;

namespace CareerCompass.Domain.Tests.Occupations;

/// <summary>All 923 O*NET occupations as the ranker sees them, read from the app's own CSV files (copied next to the tests).</summary>
internal static class OnetSample
{
    private static readonly Lazy<IReadOnlyList<SuggestionCandidate>> Loaded = new(Load);

    public static IReadOnlyList<SuggestionCandidate> All => Loaded.Value;

    private static List<SuggestionCandidate> Load()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "onet");
        var values = Rows(Path.Combine(folder, "work_values.csv"))
            .ToDictionary(r => r[0], r => (IReadOnlyList<double>)r.Skip(1).Take(6).Select(Number).ToArray(), StringComparer.Ordinal);
        var related = Rows(Path.Combine(folder, "related_occupations.csv"))
            .GroupBy(r => r[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.OrderBy(r => int.Parse(r[3], CultureInfo.InvariantCulture)).Select(r => r[1]).ToList(), StringComparer.Ordinal);
        return Rows(Path.Combine(folder, "occupations.csv"))
            .Select(r => new SuggestionCandidate(
                r[0], r[1], int.Parse(r[9], CultureInfo.InvariantCulture), r.Skip(3).Take(6).Select(Number).ToArray(),
                values.GetValueOrDefault(r[0]), related.GetValueOrDefault(r[0]) ?? []))
            .ToList();
    }

    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static IEnumerable<List<string>> Rows(string path) => File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(Split);

    /// <summary>One CSV line with quoted fields ("" inside quotes is a quote); the files have no line breaks inside fields.</summary>
    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
