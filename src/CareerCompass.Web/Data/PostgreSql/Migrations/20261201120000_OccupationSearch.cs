using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.PostgreSql.Migrations;

/// <summary>
/// PostgreSQL's occupation search tables (SQLite's are FTS5 tables): one row per title with an <c>english</c>
/// <c>tsvector</c> under a GIN index, keyed <c>(job zone &lt;&lt; 40) | (occupation number &lt;&lt; 16) | title
/// number</c> as on SQLite (title number 0 the occupation's own, then its alternates from the shortest), and the titles'
/// words (three letters or more) under a <c>pg_trgm</c> GIN index for typos. Not in the EF model (the schema test leaves
/// exactly these out). Filled here from the titles already imported and again by <c>OnetImport</c> after every import.
/// </summary>
[DbContext(typeof(PostgreSqlDbContext))]
[Migration("20261201120000_OccupationSearch")]
public sealed class OccupationSearch : Migration
{
    internal static readonly string[] Fill =
    [
        "DELETE FROM \"OccupationTitleSearch\";",
        """
        INSERT INTO "OccupationTitleSearch" ("Key", "Code", "Title", "Document")
        SELECT (o."JobZone"::bigint << 40) | (o."Number" << 16) | t."Number", t."Code", t."Title", to_tsvector('english', t."Title")
        FROM (SELECT "Code", "JobZone", row_number() OVER (ORDER BY "Code" COLLATE "C") AS "Number" FROM "Occupations") o
        JOIN (SELECT "Code", "Title", 0::bigint AS "Number" FROM "Occupations"
            UNION ALL
            SELECT t."Code", t."Title", row_number() OVER (PARTITION BY t."Code" ORDER BY length(t."Title"), t."Title" COLLATE "C")
            FROM "OccupationTitles" t JOIN "Occupations" a ON a."Code" = t."Code" WHERE t."Title" <> a."Title") t ON t."Code" = o."Code";
        """,
        "DELETE FROM \"OccupationWords\";",
        """
        INSERT INTO "OccupationWords" ("Word")
        SELECT DISTINCT w FROM "OccupationTitles", regexp_split_to_table(lower("Title"), '[^[:alnum:]]+') AS w WHERE length(w) >= 3;
        """,
        "ANALYZE \"OccupationTitleSearch\";",
        "ANALYZE \"OccupationWords\";",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
        migrationBuilder.Sql("""CREATE TABLE "OccupationTitleSearch" ("Key" bigint PRIMARY KEY, "Code" character varying(10) NOT NULL, "Title" text NOT NULL, "Document" tsvector NOT NULL);""");
        migrationBuilder.Sql("""CREATE INDEX "IX_OccupationTitleSearch_Document" ON "OccupationTitleSearch" USING gin ("Document");""");
        migrationBuilder.Sql("""CREATE TABLE "OccupationWords" ("Word" text PRIMARY KEY);""");
        migrationBuilder.Sql("""CREATE INDEX "IX_OccupationWords_Trigrams" ON "OccupationWords" USING gin ("Word" gin_trgm_ops);""");
        foreach (var sql in Fill)
        {
            migrationBuilder.Sql(sql);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TABLE IF EXISTS \"OccupationWords\";");
        migrationBuilder.Sql("DROP TABLE IF EXISTS \"OccupationTitleSearch\";");
    }
}
