using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Persistence;

internal static class Database
{
    /// <summary>
    /// Makes the configured SQLite connection string absolute (under the data root), with foreign keys on and a
    /// busy timeout: Microsoft.Data.Sqlite retries a locked database for up to <c>Default Timeout</c> seconds.
    /// </summary>
    public static string PrepareSqliteConnectionString(string configured, DataPaths paths)
    {
        var builder = new SqliteConnectionStringBuilder(configured);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = paths.Resolve(builder.DataSource);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        builder.ForeignKeys = true;
        if (!configured.Contains("Default Timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Applies the hand-written migrations, switches SQLite to write-ahead logging (it persists in the file), moves a
    /// key ring from its old folder into the database (once), loads the shipped O*NET data if this release isn't in the
    /// database yet, and lets SQLite analyse what needs it (<see cref="SqliteOptimizer"/>).
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        var loggers = scope.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var keysFolder = scope.ServiceProvider.GetRequiredService<DataPaths>().Resolve(
            scope.ServiceProvider.GetRequiredService<IConfiguration>()["DataProtection:KeysDirectory"] ?? DatabaseKeyRing.DefaultFolder);
        await DatabaseKeyRing.ImportAsync(db, keysFolder, loggers.CreateLogger(typeof(DatabaseKeyRing)));

        var logger = loggers.CreateLogger(typeof(OnetImport));
        await OnetImport.ImportIfNeededAsync(db, OnetImport.DefaultFolder, logger);

        // Statistics for the query planner, now that the tables are in place and filled (SQLite only).
        await SqliteOptimizer.OptimizeAsync(db);
    }
}
