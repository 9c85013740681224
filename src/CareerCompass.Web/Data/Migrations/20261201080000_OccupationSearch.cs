using CareerCompass.Web.Pages.Reflection.Occupations;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.Migrations;

/// <summary>
/// Full-text indexes over every occupation title (its own and the alternates), for search that finds whole words,
/// prefixes and stems (<c>porter unicode61</c>) and, as a fallback, titles with a typo (<c>trigram</c>). They are
/// SQLite FTS5 virtual tables the EF model doesn't know (the schema test leaves exactly these out, see
/// <see cref="SqliteOccupationSearch.Tables"/>). Filled here from the titles already imported, and rebuilt by
/// <c>OnetImport</c> whenever a new data release goes in.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261201080000_OccupationSearch")]
public sealed class OccupationSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var sql in SqliteOccupationSearch.CreateSql)
        {
            migrationBuilder.Sql(sql);
        }

        foreach (var sql in SqliteOccupationSearch.RebuildSql)
        {
            migrationBuilder.Sql(sql);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in SqliteOccupationSearch.Tables.Reverse())
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{table}\";");
        }
    }
}
