using CareerCompass.Domain.Occupations;
using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

/// <summary>
/// <see cref="SqliteOccupationSearch"/> on PostgreSQL, with its own text search: one row per title, keyed as on SQLite
/// (job zone, occupation number, title number; see the <c>OccupationTitleSearch</c> migrations) with an
/// <c>english</c> <c>tsvector</c> under a GIN index, each word typed a stemmed prefix (<c>nurse:*</c>); and, when that
/// finds fewer than three occupations, <c>pg_trgm</c> over the titles' words for typos: each word typed that is not
/// itself in a title is or-ed with the two words most similar to it (similarity at least 0.4), and the search runs
/// again. The ranking is SQLite's. One statement; two when the typo fallback runs (the search, which also returns
/// the likely corrections when it finds fewer than three, and the search again). English stop words ("a", "the")
/// are not searched for.
/// </summary>
public sealed class PostgreSqlOccupationSearch(AppDbContext db, OccupationReference reference) : IDatabaseOccupationSearch
{
    /// <summary>The search tables (not in the EF model).</summary>
    public static readonly IReadOnlyList<string> Tables = ["OccupationTitleSearch", "OccupationWords"];

    /// <summary>Refills the search tables from <c>Occupations</c> and <c>OccupationTitles</c>; run after every import.</summary>
    public static IReadOnlyList<string> RebuildSql => Data.PostgreSql.Migrations.OccupationSearch.Fill;

    private const double Similar = 0.4;

    private const string Sql =
        """
        WITH "Matched" AS (
            SELECT "Key" >> 16 AS "Occupation", min("Key" & 65535) AS "First", count(*) AS "Titles"
            FROM "OccupationTitleSearch"
            WHERE "Document" @@ to_tsquery('english', @match) AND (@zone::integer IS NULL OR "Key" >> 40 = @zone::integer)
            GROUP BY "Key" >> 16),
        "Hits" AS MATERIALIZED (
            SELECT t."Code", m."First" = 0 AS "Own", t."Title", lower(t."Title") = @phrase AS "Exact",
                strpos(lower(t."Title"), @phrase) > 0 AS "Contains", m."Titles", length(t."Title") AS "Length"
            FROM "Matched" m JOIN "OccupationTitleSearch" t ON t."Key" = (m."Occupation" << 16) | m."First"
            ORDER BY "Own" DESC, "Exact" DESC, "Contains" DESC, "Titles" DESC, "Length", t."Code"
            LIMIT @limit)
        SELECT "Code", "Own", "Title", 0 AS "Kind", "Exact", "Contains", "Titles", "Length" FROM "Hits"
        UNION ALL
        SELECT c."Word", false, NULL, 1, false, false, w."Position", 0
        FROM unnest(@typed::text[]) WITH ORDINALITY AS w("Typed", "Position")
        CROSS JOIN LATERAL (
            SELECT "Word" FROM "OccupationWords"
            WHERE "Word" % w."Typed" AND similarity("Word", w."Typed") >= @similar
            ORDER BY similarity("Word", w."Typed") DESC, "Word" COLLATE "C"
            LIMIT 2) c
        WHERE (SELECT count(*) FROM "Hits") < @few AND length(w."Typed") >= 3
            AND NOT EXISTS (SELECT 1 FROM "OccupationWords" k WHERE k."Word" = w."Typed")
        ORDER BY "Kind", "Own" DESC, "Exact" DESC, "Contains" DESC, "Titles" DESC, "Length", "Code"
        """;

    public async Task<IReadOnlyList<OccupationHit>> SearchAsync(string query, int? jobZone, int limit)
    {
        var words = SqliteOccupationSearch.TypedWords(query);
        if (words.Count == 0)
        {
            return [];
        }

        var all = await reference.GetAsync();
        var phrase = OccupationTitle.Normalize(query);
        var few = Math.Min(3, limit);
        var (hits, corrections) = await WordSearchAsync(words.Select(w => new[] { w }).ToList(), phrase, jobZone, limit, all, few, words);
        if (hits.Count < few && corrections.Count > 0)
        {
            var corrected = words.Select((w, i) => corrections.TryGetValue(i + 1, out var meant) ? [w, .. meant] : new[] { w }).ToList();
            var found = hits.Select(h => h.Code).ToHashSet();
            var meantPhrase = string.Join(' ', corrected.Select(c => c[Math.Min(1, c.Length - 1)]));
            var (more, _) = await WordSearchAsync(corrected, meantPhrase, jobZone, limit, all, 0, []);
            hits.AddRange(more.Where(h => !found.Contains(h.Code)).Take(limit - hits.Count));
        }

        return hits;
    }

    private async Task<(List<OccupationHit> Hits, Dictionary<long, List<string>> Corrections)> WordSearchAsync(
        List<string[]> words, string phrase, int? jobZone, int limit, OccupationReference.Snapshot all, int few, List<string> typed)
    {
        // Letters and digits only (SqliteOccupationSearch.Words), so nothing typed is read as tsquery syntax.
        var match = string.Join(" & ", words.Select(w => $"({string.Join(" | ", w.Select(a => a.Length == 1 ? a : a + ":*"))})"));
        var command = db.GetService<IRawSqlCommandBuilder>().Build(
            Sql,
            [
                new NpgsqlParameter("match", match), new NpgsqlParameter("zone", NpgsqlDbType.Integer) { Value = (object?)jobZone ?? DBNull.Value },
                new NpgsqlParameter("phrase", phrase), new NpgsqlParameter("limit", limit), new NpgsqlParameter("few", few),
                new NpgsqlParameter("typed", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = typed.ToArray() },
                new NpgsqlParameter("similar", Similar),
            ],
            db.Model);
        var hits = new List<OccupationHit>();
        var corrections = new Dictionary<long, List<string>>();
        await using (var reader = await command.RelationalCommand.ExecuteReaderAsync(new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), command.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>())))
        {
            var rows = reader.DbDataReader;
            while (await rows.ReadAsync())
            {
                if (rows.GetInt32(3) == 1)
                {
                    var position = rows.GetInt64(6);
                    if (!corrections.TryGetValue(position, out var meant))
                    {
                        corrections[position] = meant = [];
                    }

                    meant.Add(rows.GetString(0));
                }
                else if (all.ByCode.TryGetValue(rows.GetString(0), out var o))
                {
                    hits.Add(new OccupationHit(o.Code, o.Title, o.JobZone, rows.GetBoolean(1) ? null : rows.GetString(2)));
                }
            }
        }

        return (hits, hits.Count < few ? corrections : []);
    }
}
