using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Persistence;

/// <summary>
/// Keeps SQLite's query planner informed (<c>sqlite_stat1</c>): without statistics it guesses, and the goal page's
/// plan-item query (<c>WHERE GoalId = @goal AND OwnerId = @owner</c>) picked the owner's index over the goal's.
/// As SQLite recommends for long-lived connections (sqlite.org/pragma.html#pragma_optimize): <c>PRAGMA
/// optimize=0x10002</c> at start-up (every table checked, and analysed when an index has never been or the table has
/// grown or shrunk a lot since), then again every <c>Database:OptimizeInterval</c> (default 6 hours). SQLite suggests
/// a plain <c>PRAGMA optimize</c> for the periodic run, which looks only at tables the same connection has queried;
/// ours come from a pool, so which tables one pooled connection has seen is chance — the 0x10000 bit (look at every
/// table) makes the periodic run cover them all. Cheap when nothing changed (a size check per table; any ANALYZE is
/// bounded to about 400 rows per index). Nothing happens on another database provider.
/// </summary>
internal sealed partial class SqliteOptimizer(IServiceScopeFactory scopes, IConfiguration config, TimeProvider clock, ILogger<SqliteOptimizer> logger)
    : BackgroundService
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(6);

    /// <summary>At start-up (after the migrations and the reference data) and every interval.</summary>
    public static async Task OptimizeAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = config.GetValue("Database:OptimizeInterval", DefaultInterval);
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await OptimizeAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a busy or absent database this time is no reason to stop trying
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogFailed(logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PRAGMA optimize failed; it runs again at the next interval.")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
