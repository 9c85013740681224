using System.Text;
using CareerCompass.Domain.Occupations;
using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

/// <summary>
/// Finds occupations by what a person types: whole words and prefixes, plurals and stems, and titles typed with a
/// slip. The database's own text search does the work; this interface is the seam for another database's version
/// (PostgreSQL full-text search with <c>pg_trgm</c>).
/// </summary>
public interface IOccupationSearch
{
    Task<IReadOnlyList<OccupationHit>> SearchAsync(string query, int? jobZone, int limit);
}

/// <summary>
/// SQLite FTS5 over every title: a <c>porter unicode61</c> index for words, prefixes and stems (each word typed is a
/// prefix query, quoted so nothing typed is read as query syntax), and, when that finds fewer than three, a
/// <c>trigram</c> index of the titles' words for typos: each word typed is swapped for (or-ed with) the words it
/// most likely meant, and the word search runs again. Ranking: the occupation's own title exactly, then own titles
/// containing the phrase, then other own-title matches by bm25, then occupations matched by an alternate title only.
/// One statement; two when the typo fallback runs (the search, which also returns the candidate words when it finds
/// fewer than three, and the search again) — three in the rare case the check on alternates leaves fewer than three
/// of three or more rows, when the candidates are asked for on their own.
/// </summary>
public sealed class SqliteOccupationSearch(AppDbContext db, OccupationReference reference) : IOccupationSearch
{
    /// <summary>The FTS5 tables (not in the EF model: each has shadow tables named <c>{table}_…</c>).</summary>
    public static readonly IReadOnlyList<string> Tables = ["OccupationSearch", "OccupationWordIndex", "OccupationWordList", "OccupationWords"];

    public static readonly IReadOnlyList<string> CreateSql =
    [
        // One row per occupation: its title, and its alternate titles joined by " | " (so bm25 ranks 923 rows, not 52,888).
        "CREATE VIRTUAL TABLE \"OccupationSearch\" USING fts5(\"Code\" UNINDEXED, \"Title\", \"Alternates\", tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');",
        // The words of every title as written (no stemming; contentless, only its vocabulary is read) ...
        "CREATE VIRTUAL TABLE \"OccupationWordIndex\" USING fts5(\"Title\", content = '', tokenize = 'unicode61 remove_diacritics 2');",
        "CREATE VIRTUAL TABLE \"OccupationWordList\" USING fts5vocab(\"OccupationWordIndex\", 'row');",
        // ... and those words by their three-letter pieces, to find the word meant by a word typed with a slip.
        "CREATE VIRTUAL TABLE \"OccupationWords\" USING fts5(\"Word\", tokenize = 'trigram');",
    ];

    /// <summary>Refills the indexes from <c>OccupationTitles</c>; run after every import.</summary>
    public static readonly IReadOnlyList<string> RebuildSql =
    [
        "DELETE FROM \"OccupationSearch\";",
        "INSERT INTO \"OccupationSearch\" (\"Code\", \"Title\", \"Alternates\") SELECT o.\"Code\", o.\"Title\", " +
            "(SELECT group_concat(t.\"Title\", ' | ') FROM \"OccupationTitles\" t WHERE t.\"Code\" = o.\"Code\" AND t.\"Title\" <> o.\"Title\") FROM \"Occupations\" o;",
        "INSERT INTO \"OccupationWordIndex\" (\"OccupationWordIndex\") VALUES ('delete-all');",
        "INSERT INTO \"OccupationWordIndex\" (\"Title\") SELECT \"Title\" FROM \"OccupationTitles\";",
        "DELETE FROM \"OccupationWords\";",
        "INSERT INTO \"OccupationWords\" (\"Word\") SELECT \"term\" FROM \"OccupationWordList\" WHERE length(\"term\") >= 3;",
    ];

    private const int MaxWords = 6;
    private const int MaxWordLength = 30;
    private const int MaxTrigrams = 40;
    // Unranked (bm25 over every candidate costs more than scoring them here), so generous.
    private const int TypoCandidates = 2000;

    public async Task<IReadOnlyList<OccupationHit>> SearchAsync(string query, int? jobZone, int limit)
    {
        var words = Words(query).Take(MaxWords).Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var all = await reference.GetAsync();
        var phrase = OccupationTitle.Normalize(query);
        var few = Math.Min(3, limit);
        var typo = TypoMatch(words);
        var (hits, candidates) = await WordSearchAsync(words.Select(w => new[] { w }), phrase, jobZone, limit, all, typo is null ? 0 : few, typo);
        if (hits.Count < few && typo is not null)
        {
            // The candidates come with the search when its rows are fewer than three; when the check on alternates
            // leaves fewer than three of more, they are asked for on their own.
            candidates ??= await CandidatesAsync(typo);
            if (Correct(words, candidates) is { } corrected)
            {
                var found = hits.Select(h => h.Code).ToHashSet();
                var meant = string.Join(' ', corrected.Select(c => c[Math.Min(1, c.Length - 1)]));
                var (more, _) = await WordSearchAsync(corrected, meant, jobZone, limit, all, 0, null);
                hits.AddRange(more.Where(h => !found.Contains(h.Code)).Take(limit - hits.Count));
            }
        }

        return hits;
    }

    /// <param name="words">Each word a list of alternatives (what was typed, or the words it may have meant).</param>
    /// <param name="few">When the search finds fewer rows than this, the same statement also returns the candidate words for <paramref name="typo"/>.</param>
    /// <returns>The hits, and the typo candidates if the statement returned them (null if it didn't).</returns>
    private async Task<(List<OccupationHit> Hits, List<string>? Candidates)> WordSearchAsync(
        IEnumerable<IEnumerable<string>> words, string phrase, int? jobZone, int limit, OccupationReference.Snapshot all, int few, string? typo)
    {
        var match = string.Join(" AND ", words.Select(w => $"({string.Join(" OR ", w.Select(a => a.Length == 1 ? $"\"{a}\"" : $"\"{a}\"*"))})"));
        // Best first: title matches (the title exactly, then containing the phrase, then by bm25), then matches in
        // the alternate titles only. "Hits" marks the matched words in the alternates of just the rows kept that
        // matched by an alternate only (highlight() reads and tokenizes the whole column, the costliest step), to say
        // which alternate title matched. When the hits are fewer than @few, the typo candidates (see
        // CandidatesAsync) follow them in the same statement, as one row of words separated by spaces (one row to
        // read, not hundreds); otherwise the word index is asked for a piece no word has.
        var rows = await db.Database.SqlQueryRaw<Row>(
            """
            WITH "Top" AS (
                SELECT s.rowid AS "Id", s."Code" AS "Code",
                    s.rowid IN (SELECT rowid FROM "OccupationSearch" WHERE "OccupationSearch" MATCH @titleMatch) AS "InTitle",
                    lower(s."Title") = @phrase AS "Exact", instr(lower(s."Title"), @phrase) > 0 AS "Contains", s.rank AS "Score"
                FROM "OccupationSearch" s JOIN "Occupations" o ON o."Code" = s."Code"
                WHERE "OccupationSearch" MATCH @match AND (@zone IS NULL OR o."JobZone" = @zone)
                ORDER BY "InTitle" DESC, "Exact" DESC, "Contains" DESC, "Score", length(s."Title"), s."Code"
                LIMIT @limit),
            "Hits" AS MATERIALIZED (
                SELECT t."Code" AS "Code", CAST(t."InTitle" AS INTEGER) AS "InTitle",
                    CASE WHEN t."InTitle" THEN NULL ELSE highlight("OccupationSearch", 2, char(2), char(3)) END AS "Marked",
                    CAST(t."Exact" AS INTEGER) AS "Exact", CAST(t."Contains" AS INTEGER) AS "Contains", t."Score" AS "Score"
                FROM "Top" t JOIN "OccupationSearch" ON "OccupationSearch".rowid = t."Id"
                WHERE "OccupationSearch" MATCH @match)
            SELECT "Code", "InTitle", "Marked", 0 AS "Kind", "Exact", "Contains", "Score" FROM "Hits"
            UNION ALL
            SELECT group_concat("Word", ' '), 0, NULL, 1, 0, 0, 0.0 FROM (
                SELECT "Word" FROM "OccupationWords"
                WHERE "OccupationWords" MATCH (SELECT CASE WHEN count(*) < @few THEN @typo ELSE '"---"' END FROM "Hits")
                LIMIT @candidates)
            HAVING count(*) > 0
            ORDER BY "Kind", "InTitle" DESC, "Exact" DESC, "Contains" DESC, "Score", "Code"
            """,
            Parameter("@phrase", phrase), Parameter("@match", match), Parameter("@titleMatch", $"Title : ({match})"),
            Parameter("@zone", jobZone), Parameter("@limit", limit),
            Parameter("@few", few), Parameter("@typo", typo ?? "\"---\""), Parameter("@candidates", TypoCandidates)).ToListAsync();
        var found = rows.Where(r => r.Kind == 0).ToList();
        var candidates = typo is not null && found.Count < few ? rows.Where(r => r.Kind == 1).SelectMany(r => r.Code.Split(' ')).ToList() : null;
        // An occupation whose alternates match only between them ("Database Software Tech" and "Target Developer"
        // for "software developer") isn't what was meant: one title must have every word.
        var wanted = words.Count();
        var hits = found.Where(r => r.InTitle == 1 || MostMarks(r.Marked) >= wanted).Select(r => Hit(r, all)).OfType<OccupationHit>().ToList();
        return (hits, candidates);
    }

    /// <summary>The words in the titles sharing nearby three-letter pieces with the words typed (see <see cref="TypoMatch"/>).</summary>
    private Task<List<string>> CandidatesAsync(string typo) =>
        db.Database.SqlQueryRaw<string>(
            "SELECT \"Word\" AS \"Value\" FROM \"OccupationWords\" WHERE \"OccupationWords\" MATCH @match LIMIT @candidates",
            Parameter("@match", typo), Parameter("@candidates", TypoCandidates)).ToListAsync();

    /// <summary>
    /// For each word typed, the words in the titles it may have meant: among the candidates the database found
    /// (words sharing nearby three-letter pieces with it), the two sharing the most pieces (at least half) are tried
    /// alongside what was typed; a word that is itself in the titles stays as it is. Null when no word has a likely
    /// correction.
    /// </summary>
    private static List<string[]>? Correct(List<string> words, List<string> candidates)
    {
        var changed = false;
        var corrected = new List<string[]>();
        var known = candidates.ToHashSet(StringComparer.Ordinal);
        var split = candidates.Select(c => (Word: c, Pieces: Trigrams([c]).ToArray())).ToList();
        foreach (var word in words)
        {
            var pieces = Trigrams([word]).ToHashSet(StringComparer.Ordinal);
            var meant = word.Length < 3 || known.Contains(word) ? [] : split
                .Where(c => c.Word != word)
                .Select(c => (c.Word, Shared: c.Pieces.Count(pieces.Contains), Total: c.Pieces.Length))
                .Where(c => c.Shared * 2 >= pieces.Count && 2.0 * c.Shared / (c.Total + pieces.Count) >= 0.5)
                .OrderByDescending(c => 2.0 * c.Shared / (c.Total + pieces.Count)).ThenBy(c => c.Word, StringComparer.Ordinal)
                .Take(2).Select(c => c.Word).ToList();
            changed |= meant.Count > 0;
            corrected.Add([word, .. meant]);
        }

        return changed ? corrected : null;
    }

    /// <summary>
    /// A typo spoils the three-letter pieces around it, not the rest: so a candidate word must keep two nearby
    /// pieces of a word typed (pieces one or two apart, quoted). Asking for pairs rather than any single piece
    /// keeps the candidates few, and so the ranking cheap.
    /// </summary>
    internal static string? TypoMatch(IEnumerable<string> words)
    {
        var clauses = new List<string>();
        foreach (var word in words.Where(w => w.Length >= 3))
        {
            var pieces = Trigrams([word]).Take(MaxTrigrams / 2).ToList();
            var pairs = pieces.Count <= 2
                ? pieces.Select(p => $"\"{p}\"")
                : Enumerable.Range(0, pieces.Count).SelectMany(i => new[] { i + 1, i + 2 }.Where(j => j < pieces.Count).Select(j => $"(\"{pieces[i]}\" \"{pieces[j]}\")"));
            clauses.Add($"({string.Join(" OR ", pairs)})");
        }

        return clauses.Count == 0 ? null : string.Join(" OR ", clauses);
    }

    private static OccupationHit? Hit(Row row, OccupationReference.Snapshot all) =>
        all.ByCode.TryGetValue(row.Code, out var o)
            ? new OccupationHit(o.Code, o.Title, o.JobZone, row.InTitle == 1 ? null : MatchedAlternate(row.Marked))
            : null;

    private static int MostMarks(string? marked) =>
        marked?.Split(" | ").Max(t => t.AsSpan().Count('\u0002')) ?? 0;

    /// <summary>The alternate title with the most words marked by <c>highlight()</c> (the shortest of equals), unmarked.</summary>
    private static string? MatchedAlternate(string? marked) =>
        marked?.Split(" | ")
            .Select(t => (Title: t, Marks: t.AsSpan().Count('\u0002')))
            .Where(t => t.Marks > 0)
            .OrderByDescending(t => t.Marks).ThenBy(t => t.Title.Length)
            .Select(t => t.Title.Replace("\u0002", string.Empty, StringComparison.Ordinal).Replace("\u0003", string.Empty, StringComparison.Ordinal))
            .FirstOrDefault();

    /// <summary>Letters and digits, lower-cased: everything else (quotes, <c>*</c>, <c>-</c>, brackets) separates words.</summary>
    internal static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }

    private static IEnumerable<string> Trigrams(IEnumerable<string> words) =>
        words.Where(w => w.Length >= 3).SelectMany(w => Enumerable.Range(0, w.Length - 2).Select(i => w.Substring(i, 3))).Distinct(StringComparer.Ordinal);

    private static Microsoft.Data.Sqlite.SqliteParameter Parameter(string name, object? value) =>
        new(name, value ?? DBNull.Value);

    /// <param name="Kind">0 an occupation found, 1 a typo candidate word (in <paramref name="Code"/>).</param>
    private sealed record Row(string Code, long InTitle, string? Marked, long Kind, long Exact, long Contains, double Score);
}
