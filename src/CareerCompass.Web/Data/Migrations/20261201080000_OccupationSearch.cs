using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>
/// Full-text indexes over every occupation title (its own and the alternates), for search that finds whole words,
/// prefixes and stems (<c>porter unicode61</c>) and, as a fallback, titles with a typo (<c>trigram</c>). They are
/// SQLite FTS5 virtual tables the EF model doesn't know (the schema test leaves exactly these out). Filled here from
/// the titles already imported. The SQL is this migration's own copy, as it was when it shipped:
/// <c>20261201100000_OccupationTitleSearch</c> replaced the one-row-per-occupation table with one row per title.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201080000_OccupationSearch")]
public sealed class OccupationSearch : Migration
{
    internal static readonly string[] Tables = ["OccupationSearch", "OccupationWordIndex", "OccupationWordList", "OccupationWords"];

    internal static readonly string[] CreateSql =
    [
        "CREATE VIRTUAL TABLE \"OccupationSearch\" USING fts5(\"Code\" UNINDEXED, \"Title\", \"Alternates\", tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');",
        "CREATE VIRTUAL TABLE \"OccupationWordIndex\" USING fts5(\"Title\", content = '', tokenize = 'unicode61 remove_diacritics 2');",
        "CREATE VIRTUAL TABLE \"OccupationWordList\" USING fts5vocab(\"OccupationWordIndex\", 'row');",
        "CREATE VIRTUAL TABLE \"OccupationWords\" USING fts5(\"Word\", tokenize = 'trigram');",
    ];

    /// <summary>The one-row-per-occupation table's fill (also what the next migration's Down puts back).</summary>
    internal static readonly string[] FillOccupationSearch =
    [
        "DELETE FROM \"OccupationSearch\";",
        "INSERT INTO \"OccupationSearch\" (\"Code\", \"Title\", \"Alternates\") SELECT o.\"Code\", o.\"Title\", " +
            "(SELECT group_concat(t.\"Title\", ' | ') FROM \"OccupationTitles\" t WHERE t.\"Code\" = o.\"Code\" AND t.\"Title\" <> o.\"Title\") FROM \"Occupations\" o;",
    ];

    private static readonly string[] RebuildSql =
    [
        .. FillOccupationSearch,
        "INSERT INTO \"OccupationWordIndex\" (\"OccupationWordIndex\") VALUES ('delete-all');",
        "INSERT INTO \"OccupationWordIndex\" (\"Title\") SELECT \"Title\" FROM \"OccupationTitles\";",
        "DELETE FROM \"OccupationWords\";",
        "INSERT INTO \"OccupationWords\" (\"Word\") SELECT \"term\" FROM \"OccupationWordList\" WHERE length(\"term\") >= 3;",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var sql in CreateSql.Concat(RebuildSql))
        {
            migrationBuilder.Sql(sql);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables.Reverse())
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{table}\";");
        }
    }
}
