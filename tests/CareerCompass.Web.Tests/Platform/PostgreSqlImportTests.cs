using CareerCompass.Web.Data;
using CareerCompass.Web.Data.PostgreSql;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>
/// The O*NET and BLS import on PostgreSQL (binary COPY) loads exactly what it loads on SQLite (prepared inserts):
/// the same rows in every reference table, and the same values in a sample of them.
/// </summary>
public sealed class PostgreSqlImportTests
{
    private static readonly string[] Tables =
    [
        "Occupations", "OccupationSkills", "OccupationTitles", "OccupationTasks", "OccupationEducation", "RelatedOccupations",
        "OccupationBlsCodes", "BlsWages", "BlsOutlook",
    ];

    [Fact]
    public async Task The_import_by_COPY_loads_the_same_rows_as_on_SQLite_and_runs_once()
    {
        var folder = Path.Combine(Path.GetTempPath(), "careercompass-import", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var postgres = await PostgresServer.CreateDatabaseAsync("import");
        try
        {
            await using var sqlite = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "import.db")}").Options);
            await using var pg = new PostgreSqlDbContext(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql(postgres).Options);
            foreach (AppDbContext db in new AppDbContext[] { sqlite, pg })
            {
                await db.Database.MigrateAsync();
                await OnetImport.ImportIfNeededAsync(db, OnetImport.DefaultFolder, NullLogger.Instance);
            }

            foreach (var table in Tables)
            {
                var expected = await CountAsync(sqlite, table);
                Assert.True(expected > 0, $"{table} is empty on SQLite.");
                Assert.Equal((table, expected), (table, await CountAsync(pg, table)));
            }

            var nurses = await pg.Occupations.AsNoTracking().SingleAsync(o => o.Code == "29-1141.00");
            var same = await sqlite.Occupations.AsNoTracking().SingleAsync(o => o.Code == "29-1141.00");
            Assert.Equal((same.Title, same.JobZone, same.Social, same.Description), (nurses.Title, nurses.JobZone, nurses.Social, nurses.Description));
            Assert.Equal(
                await sqlite.BlsWages.AsNoTracking().OrderBy(w => w.SocCode).Select(w => new { w.SocCode, w.AnnualMedian, w.HourlyMedian, w.TopCoded }).Take(50).ToListAsync(),
                await pg.BlsWages.AsNoTracking().OrderBy(w => w.SocCode).Select(w => new { w.SocCode, w.AnnualMedian, w.HourlyMedian, w.TopCoded }).Take(50).ToListAsync());

            // A second start finds this release already in and leaves the rows alone.
            await OnetImport.ImportIfNeededAsync(pg, OnetImport.DefaultFolder, NullLogger.Instance);
            Assert.Equal(await CountAsync(sqlite, "OccupationTitles"), await CountAsync(pg, "OccupationTitles"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            await PostgresServer.DropDatabaseAsync(postgres);
        }
    }

    private static async Task<int> CountAsync(AppDbContext db, string table)
    {
        // The table names are this class's own constants.
        var sql = "SELECT CAST(count(*) AS INTEGER) AS \"Value\" FROM \"" + table + "\"";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
    }
}
