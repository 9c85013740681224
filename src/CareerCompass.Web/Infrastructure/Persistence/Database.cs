using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Security;
using Microsoft.Data.Sqlite;
using CareerCompass.Web.Data.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CareerCompass.Web.Infrastructure.Persistence;

/// <summary>Which database the app runs on: <c>Database:Provider</c> in configuration.</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded SQLite, one file (the default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, for several instances and tens of thousands of people.</summary>
    PostgreSql,
}

internal static class Database
{
    /// <summary>
    /// Registers <see cref="AppDbContext"/> on the configured provider: <c>Database:Provider</c> = <c>Sqlite</c> (the
    /// default; <c>ConnectionStrings:CareerCompass</c> defaults to <c>data/careercompass.db</c>) or <c>PostgreSQL</c>
    /// (<c>ConnectionStrings:CareerCompass</c> required), with every registered EF interceptor (singletons, so the
    /// contexts can be pooled: a request takes a reset context from the pool instead of building one, which measured
    /// about a twentieth of a goal page's processor time).
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, IConfiguration config, DataPaths paths)
    {
        var provider = ProviderOf(config);
        var configured = config.GetConnectionString("CareerCompass");
        if (provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException(
                    "Database:Provider is PostgreSQL, so ConnectionStrings:CareerCompass must say which database to use " +
                    "(for example \"Host=db.example.org;Database=careercompass;Username=careercompass;Password=...\"; see docs/operations.md).");
            }

            services.AddDbContextPool<AppDbContext, PostgreSqlDbContext>((sp, options) => options
                .UseNpgsql(configured)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            TurnOffSqliteMemoryStatistics();
            var connectionString = PrepareSqliteConnectionString(configured ?? "Data Source=data/careercompass.db", paths);
            services.AddDbContextPool<AppDbContext>((sp, options) => options
                .UseSqlite(connectionString)
                .AddInterceptors(sp.GetServices<IInterceptor>()));
            services.AddHostedService<SqliteOptimizer>(); // PRAGMA optimize every Database:OptimizeInterval
        }

        return services;
    }

    /// <summary>
    /// Turns off SQLite's memory statistics (<c>SQLITE_CONFIG_MEMSTATUS</c>), which SQLite's own list of recommended
    /// options leaves off: with them on, every allocation SQLite makes takes one process-wide lock, and preparing a
    /// statement makes many, so requests on different connections queue for it. Measured on the first (uncached)
    /// occupation search at 32 connections: 467–522 requests/s with them, 529–558 without (docs/benchmarks.md). It
    /// must run before SQLite's first connection in the process; later calls (another host in the same test run)
    /// are refused by SQLite and change nothing, which is why the result is ignored.
    /// </summary>
    private static void TurnOffSqliteMemoryStatistics()
    {
        SQLitePCL.Batteries_V2.Init();
        _ = SQLitePCL.raw.sqlite3_config(SQLitePCL.raw.SQLITE_CONFIG_MEMSTATUS, 0);
    }

    /// <summary>
    /// Makes the current transaction the only one holding <paramref name="name"/> until it ends, so two requests (or
    /// two instances) doing the same check-then-write can't both pass the check. PostgreSQL: a transaction-scoped
    /// advisory lock (<c>pg_advisory_xact_lock</c> on the name's hash), released at commit or rollback. SQLite: nothing
    /// to do — its transactions begin with the database's write lock (<c>BEGIN IMMEDIATE</c>), which serializes every
    /// writer already.
    /// </summary>
    public static async Task LockAsync(this DatabaseFacade database, string name)
    {
        if (database.IsNpgsql())
        {
            await database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({name}, 0))");
        }
    }

    /// <summary><c>Database:Provider</c>: <c>Sqlite</c> when absent; anything but the two names is a start-up error that says what is allowed.</summary>
    public static DatabaseProvider ProviderOf(IConfiguration config) =>
        config["Database:Provider"]?.Trim() switch
        {
            null or "" => DatabaseProvider.Sqlite,
            var name when name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.Sqlite,
            var name when name.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase) || name.Equals("Postgres", StringComparison.OrdinalIgnoreCase) => DatabaseProvider.PostgreSql,
            var name => throw new InvalidOperationException($"Database:Provider is \"{name}\"; it must be Sqlite (the default) or PostgreSQL."),
        };

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
