using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareerCompass.Web.Data.PostgreSql.Migrations;

/// <summary>
/// The schema as it stood when PostgreSQL arrived (the SQLite migrations up to <c>20261201100000_OccupationTitleSearch</c>),
/// for PostgreSQL's types: <c>timestamp with time zone</c> for the UTC times, <c>boolean</c>, <c>bytea</c>,
/// <c>character varying(n)</c>. A PostgreSQL database has no earlier releases to upgrade from, so its history starts
/// here, as one script: EF's <c>GenerateCreateScript</c> for the model at that commit, frozen in
/// <c>20261201100000_Baseline.sql</c> beside this file (an embedded resource). Later changes are migrations of their own,
/// in step with the SQLite ones; <c>SchemaTests</c> checks the two agree with the model.
/// </summary>
[DbContext(typeof(PostgreSqlDbContext))]
[Migration("20261201100000_Baseline")]
public sealed partial class Baseline : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Script());

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in TableName().Matches(Script()).Select(m => m.Groups[1].Value).Reverse())
        {
            migrationBuilder.Sql($"DROP TABLE IF EXISTS \"{table}\" CASCADE;");
        }
    }

    internal static string Script()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(typeof(Baseline).Namespace + ".20261201100000_Baseline.sql")
            ?? throw new InvalidOperationException("The PostgreSQL baseline script is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^CREATE TABLE \"([^\"]+)\"", RegexOptions.Multiline | RegexOptions.NonBacktracking)]
    private static partial Regex TableName();
}
