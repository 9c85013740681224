using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>
/// Replaces the one-row-per-occupation search table (its title, and every alternate title joined in one column) with
/// one row per title. A match is then a single title holding every word, so the search no longer asks
/// <c>highlight()</c> which alternate matched (the costliest step of a first search) nor runs a second <c>MATCH</c>
/// to tell own-title matches from the rest. The row id says where a title belongs, so the search groups and filters
/// the matches without reading a stored column: <c>(job zone &lt;&lt; 40) | (occupation number &lt;&lt; 16) | title
/// number</c>, the occupation number counting the occupations in code order from 1, the title number 0 for the
/// occupation's own title and 1, 2, … for its alternates from the shortest. The word and typo tables stay as they
/// are. The SQL is this migration's own copy.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201100000_OccupationTitleSearch")]
public sealed class OccupationTitleSearch : Migration
{
    internal static readonly string[] Create =
    [
        "CREATE VIRTUAL TABLE \"OccupationTitleSearch\" USING fts5(\"Code\" UNINDEXED, \"Title\", tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');",
    ];

    internal static readonly string[] Fill =
    [
        "DELETE FROM \"OccupationTitleSearch\";",
        """
        INSERT INTO "OccupationTitleSearch" (rowid, "Code", "Title")
        SELECT (o."JobZone" << 40) | (o."Number" << 16) | t."Number", t."Code", t."Title"
        FROM (SELECT "Code", "JobZone", row_number() OVER (ORDER BY "Code") AS "Number" FROM "Occupations") o
        JOIN (SELECT "Code", "Title", 0 AS "Number" FROM "Occupations"
            UNION ALL
            SELECT t."Code", t."Title", row_number() OVER (PARTITION BY t."Code" ORDER BY length(t."Title"), t."Title")
            FROM "OccupationTitles" t JOIN "Occupations" a ON a."Code" = t."Code" WHERE t."Title" <> a."Title") t ON t."Code" = o."Code";
        """,
        // A one-off merge of the index's segments: every search reads one b-tree rather than several.
        "INSERT INTO \"OccupationTitleSearch\" (\"OccupationTitleSearch\") VALUES ('optimize');",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE IF EXISTS \"OccupationSearch\";");
        foreach (var sql in Create.Concat(Fill))
        {
            migrationBuilder.Sql(sql);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE IF EXISTS \"OccupationTitleSearch\";");
        migrationBuilder.Sql(OccupationSearch.CreateSql[0]);
        foreach (var sql in OccupationSearch.FillOccupationSearch)
        {
            migrationBuilder.Sql(sql);
        }
    }
}
