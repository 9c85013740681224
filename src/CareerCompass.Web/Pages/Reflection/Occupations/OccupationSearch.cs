using System.Text;
using CareerCompass.Domain.Occupations;
using CareerCompass.Web.Data;

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

/// <summary>An <see cref="IOccupationSearch"/> that asks the database every time (the cache sits in front of it).</summary>
public interface IDatabaseOccupationSearch : IOccupationSearch;

/// <summary>
/// SQLite FTS5 over every title: a <c>porter unicode61</c> index with one row per title (the occupation's own and
/// each alternate, with its code and job zone) for whole words, prefixes and stems (each word typed is a prefix
/// query, quoted so nothing typed is read as query syntax), and, when that finds fewer than three occupations, a
/// <c>trigram</c> index of the titles' words for typos: each word typed is or-ed with the words it most likely meant,
/// and the word search runs again. A match is one title holding every word typed. Ranking: occupations whose own
/// title matched, then the rest; within each, the title exactly, then titles containing the phrase, then the
/// occupations with the most matching titles, then the shortest title. One statement; two when the typo fallback
/// runs (the search, which also returns the candidate words when it finds fewer than three, and the search again).
/// </summary>
public sealed class SqliteOccupationSearch(AppDbContext db, OccupationReference reference, SqliteSearchStatements statements) : IDatabaseOccupationSearch
{
    /// <summary>The FTS5 tables (not in the EF model: each has shadow tables named <c>{table}_…</c>).</summary>
    public static readonly IReadOnlyList<string> Tables = ["OccupationTitleSearch", "OccupationWordIndex", "OccupationWordList", "OccupationWords"];

    /// <summary>Refills the indexes from <c>Occupations</c> and <c>OccupationTitles</c>; run after every import.</summary>
    public static readonly IReadOnlyList<string> RebuildSql =
    [
        .. Data.Migrations.OccupationTitleSearch.Fill,
        // The words of every title as written (no stemming; contentless, only its vocabulary is read) ...
        "INSERT INTO \"OccupationWordIndex\" (\"OccupationWordIndex\") VALUES ('delete-all');",
        "INSERT INTO \"OccupationWordIndex\" (\"Title\") SELECT \"Title\" FROM \"OccupationTitles\";",
        // ... and those words by their three-letter pieces, to find the word meant by a word typed with a slip.
        "DELETE FROM \"OccupationWords\";",
        "INSERT INTO \"OccupationWords\" (\"Word\") SELECT \"term\" FROM \"OccupationWordList\" WHERE length(\"term\") >= 3;",
    ];

    // The matching titles grouped by occupation from their row ids alone (see the OccupationTitleSearch migration):
    // whether the occupation's own title matched (title number 0), else its shortest matching alternate, and how
    // many of its titles match. Then that one title per occupation is read for the ranking and the page: best first,
    // own-title matches, the phrase exactly, containing the phrase, the most matching titles, the shortest; at most
    // @limit. When they are fewer than @few, the typo candidates (see TypoMatch) follow in the same statement as one
    // row of words separated by spaces (one row to read, not hundreds); otherwise the word index is asked for a piece
    // no word has.
    private const string Sql =
        """
        WITH "Matched" AS (
            SELECT rowid >> 16 AS "Occupation", min(rowid & 65535) AS "First", count(*) AS "Titles"
            FROM "OccupationTitleSearch"
            WHERE "OccupationTitleSearch" MATCH @match AND (@zone IS NULL OR rowid >> 40 = @zone)
            GROUP BY rowid >> 16),
        "Hits" AS MATERIALIZED (
            SELECT t."Code" AS "Code", m."First" = 0 AS "Own", t."Title" AS "Title", lower(t."Title") = @phrase AS "Exact",
                instr(lower(t."Title"), @phrase) > 0 AS "Contains", m."Titles" AS "Titles", length(t."Title") AS "Length"
            FROM "Matched" m JOIN "OccupationTitleSearch" t ON t.rowid = (m."Occupation" << 16) | m."First"
            ORDER BY "Own" DESC, "Exact" DESC, "Contains" DESC, "Titles" DESC, "Length", "Code"
            LIMIT @limit)
        SELECT "Code", "Own", "Title", 0 AS "Kind", "Exact", "Contains", "Titles", "Length" FROM "Hits"
        UNION ALL
        SELECT group_concat("Word", ' '), 0, NULL, 1, 0, 0, 0, 0 FROM (
            SELECT "Word" FROM "OccupationWords"
            WHERE "OccupationWords" MATCH (SELECT CASE WHEN count(*) < @few THEN @typo ELSE '"---"' END FROM "Hits")
            LIMIT @candidates)
        HAVING count(*) > 0
        ORDER BY "Kind", "Own" DESC, "Exact" DESC, "Contains" DESC, "Titles" DESC, "Length", "Code"
        """;

    private const int MaxWords = 6;
    private const int MaxWordLength = 30;
    private const int MaxTrigrams = 40;
    // Unranked (bm25 over every candidate costs more than scoring them here), so generous.
    private const int TypoCandidates = 2000;

    public async Task<IReadOnlyList<OccupationHit>> SearchAsync(string query, int? jobZone, int limit)
    {
        var words = TypedWords(query);
        if (words.Count == 0)
        {
            return [];
        }

        var all = await reference.GetAsync();
        var phrase = OccupationTitle.Normalize(query);
        var few = Math.Min(3, limit);
        var typo = TypoMatch(words);
        var (hits, candidates) = await WordSearchAsync(words.Select(w => new[] { w }), phrase, jobZone, limit, all, typo is null ? 0 : few, typo);
        if (hits.Count < few && candidates is not null && Correct(words, candidates) is { } corrected)
        {
            var found = hits.Select(h => h.Code).ToHashSet();
            var meant = string.Join(' ', corrected.Select(c => c[Math.Min(1, c.Length - 1)]));
            var (more, _) = await WordSearchAsync(corrected, meant, jobZone, limit, all, 0, null);
            hits.AddRange(more.Where(h => !found.Contains(h.Code)).Take(limit - hits.Count));
        }

        return hits;
    }

    /// <param name="words">Each word a list of alternatives (what was typed, or the words it may have meant).</param>
    /// <param name="few">When the search finds fewer occupations than this, the same statement also returns the candidate words for <paramref name="typo"/>.</param>
    /// <returns>The hits, and the typo candidates (words separated by spaces) if the statement returned them (null if it didn't).</returns>
    private async Task<(List<OccupationHit> Hits, string? Candidates)> WordSearchAsync(
        IEnumerable<IEnumerable<string>> words, string phrase, int? jobZone, int limit, OccupationReference.Snapshot all, int few, string? typo)
    {
        var match = string.Join(" AND ", words.Select(w => $"({string.Join(" OR ", w.Select(a => a.Length == 1 ? $"\"{a}\"" : $"\"{a}\"*"))})"));
        var hits = new List<OccupationHit>();
        string? candidates = null;
        await statements.ReadAsync(
            db,
            Sql,
            [("@phrase", phrase), ("@match", match), ("@zone", jobZone), ("@limit", limit), ("@few", few), ("@typo", typo ?? "\"---\""), ("@candidates", TypoCandidates)],
            rows =>
            {
                if (rows.GetInt64(3) == 1)
                {
                    candidates = rows.GetString(0);
                }
                else if (all.ByCode.TryGetValue(rows.GetString(0), out var o))
                {
                    hits.Add(new OccupationHit(o.Code, o.Title, o.JobZone, rows.GetInt64(1) == 1 ? null : rows.GetString(2)));
                }
            });

        return (hits, typo is not null && hits.Count < few ? candidates ?? string.Empty : null);
    }

    /// <summary>
    /// For each word typed, the words in the titles it may have meant: among the candidates the database found
    /// (words sharing nearby three-letter pieces with it, separated by spaces), the two sharing the most pieces (by
    /// the Dice coefficient of their sets of pieces, at least half, and at least half of the typed word's pieces) are
    /// tried alongside what was typed; a word that is itself in the titles stays as it is. Null when no word has a
    /// likely correction. Each piece is three characters packed in a <see cref="long"/>, so scoring the candidates
    /// allocates nothing but the words chosen.
    /// </summary>
    internal static List<string[]>? Correct(List<string> words, string candidates)
    {
        var changed = false;
        var corrected = new List<string[]>(words.Count);
        Span<long> piecesOfCandidate = stackalloc long[MaxWordLength];
        Span<long> piecesTyped = stackalloc long[MaxWordLength];
        foreach (var word in words)
        {
            if (word.Length < 3 || ContainsWord(candidates, word))
            {
                corrected.Add([word]);
                continue;
            }

            var typedCount = DistinctPieces(word, piecesTyped);
            var typed = piecesTyped[..typedCount];
            (int Start, int Length, double Score) first = (-1, 0, 0), second = (-1, 0, 0);
            var text = candidates.AsSpan();
            foreach (var range in text.Split(' '))
            {
                var candidate = text[range];
                // Too short to keep half the typed word's pieces, or too long to be read by it (beyond a word of
                // MaxWordLength letters), or the word itself.
                if (candidate.Length < 3 || candidate.Length - 2 < (typedCount + 1) / 2 || candidate.Length > MaxWordLength || candidate.SequenceEqual(word))
                {
                    continue;
                }

                var total = DistinctPieces(candidate, piecesOfCandidate);
                var shared = 0;
                foreach (var piece in piecesOfCandidate[..total])
                {
                    if (typed.Contains(piece))
                    {
                        shared++;
                    }
                }

                var score = 2.0 * shared / (total + typedCount);
                if (shared * 2 < typedCount || score < 0.5)
                {
                    continue;
                }

                var start = range.Start.GetOffset(text.Length);
                if (Better(score, candidate, first, candidates))
                {
                    second = first;
                    first = (start, candidate.Length, score);
                }
                else if (Better(score, candidate, second, candidates))
                {
                    second = (start, candidate.Length, score);
                }
            }

            var meant = new List<string>(3) { word };
            foreach (var (start, length, _) in new[] { first, second })
            {
                if (start >= 0 && !meant.Contains(candidates.Substring(start, length)))
                {
                    meant.Add(candidates.Substring(start, length));
                }
            }

            changed |= meant.Count > 1;
            corrected.Add([.. meant]);
        }

        return changed ? corrected : null;
    }

    /// <summary>Higher score first, then the word in ordinal order (so ties always resolve the same way).</summary>
    private static bool Better(double score, ReadOnlySpan<char> candidate, (int Start, int Length, double Score) than, string candidates) =>
        than.Start < 0 || score > than.Score ||
        (score == than.Score && candidate.SequenceCompareTo(candidates.AsSpan(than.Start, than.Length)) < 0);

    private static bool ContainsWord(string candidates, string word)
    {
        var text = candidates.AsSpan();
        foreach (var range in text.Split(' '))
        {
            if (text[range].SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes the word's distinct three-letter pieces into <paramref name="into"/>; returns how many.</summary>
    private static int DistinctPieces(ReadOnlySpan<char> word, Span<long> into)
    {
        var count = 0;
        for (var i = 0; i + 3 <= word.Length; i++)
        {
            var piece = ((long)word[i] << 32) | ((long)word[i + 1] << 16) | word[i + 2];
            if (!into[..count].Contains(piece))
            {
                into[count++] = piece;
            }
        }

        return count;
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

    /// <summary>The words searched for: the first six of <see cref="Words"/>, each cut to thirty letters (either database's search).</summary>
    internal static List<string> TypedWords(string query) =>
        Words(query).Take(MaxWords).Select(w => w.Length > MaxWordLength ? w[..MaxWordLength] : w).ToList();

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
}
