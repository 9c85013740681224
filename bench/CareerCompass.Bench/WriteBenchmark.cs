using System.Diagnostics;
using System.Globalization;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using CareerCompass.Web.Data.PostgreSql;
using CareerCompass.Web.Infrastructure;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareerCompass.Bench;

/// <summary>
/// Small writes from 32 people at once, each through a fresh <see cref="AppDbContext"/> as a request has: load their own
/// reflection step, save a new answer (the autosave), or tick one of their milestones — one transaction each.
/// SQLite: a file in a temp folder with the app's connection settings (WAL, foreign keys, 30 s busy timeout); its one
/// writer makes the rest wait, each on a blocked thread. PostgreSQL: a database made for the run on the server given by
/// <c>--connection</c> (dropped at the end). Prints writes/s, p50 / p99 / max latency, and the thread pool's thread count
/// and queued work items (sampled every 100 ms) — threads climbing while work queues is writers blocked waiting.
/// </summary>
internal static class WriteBenchmark
{
    private const int Writers = 32;

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var s) ? s : 20;
        var provider = Option(args, "--provider") ?? "Sqlite";
        var postgreSql = provider.Equals("PostgreSQL", StringComparison.OrdinalIgnoreCase);
        var folder = Path.Combine(Path.GetTempPath(), "careercompass-bench", Guid.NewGuid().ToString("N"));
        string? database = null;
        DbContextOptions options;
        if (postgreSql)
        {
            var server = Option(args, "--connection") ?? throw new InvalidOperationException("writes --provider PostgreSQL needs --connection \"Host=…;Username=…;Database=postgres\" (scripts/postgres.sh start prints one).");
            database = await CreateDatabaseAsync(server);
            options = new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql(database)
                .AddInterceptors(new StampOwnedEntitiesInterceptor(TimeProvider.System)).Options;
        }
        else
        {
            Directory.CreateDirectory(folder);
            var connection = Database.PrepareSqliteConnectionString(Option(args, "--connection") ?? "Data Source=writes.db", new DataPaths(folder));
            options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection)
                .AddInterceptors(new StampOwnedEntitiesInterceptor(TimeProvider.System)).Options;
        }

        try
        {
            await using (var setup = New(options))
            {
                await setup.Database.MigrateAsync();
                if (!postgreSql)
                {
                    await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                }
            }

            var people = await SeedAsync(options);
            ThreadPool.GetMinThreads(out var minWorkers, out _);
            Console.WriteLine($"writes on {(postgreSql ? "PostgreSQL" : "SQLite")}: {Writers} writers for {seconds} s, {Environment.ProcessorCount} cores, thread pool minimum {minWorkers}");

            // A second of warm-up (connections, EF's model and query cache), then the measured run.
            await RunWritersAsync(options, people, TimeSpan.FromSeconds(1));
            var threadsBefore = ThreadPool.ThreadCount;
            var (latencies, elapsed, maxThreads, maxQueued, failures) = await RunWritersAsync(options, people, TimeSpan.FromSeconds(seconds));
            latencies.Sort();
            Console.WriteLine(FormattableString.Invariant(
                $"{latencies.Count:N0} writes in {elapsed.TotalSeconds:0.0} s: {latencies.Count / elapsed.TotalSeconds:N0} writes/s; latency p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms, max {latencies[^1]:0.0} ms; failed {failures}"));
            Console.WriteLine($"thread pool: {threadsBefore} threads before, at most {maxThreads} during, {ThreadPool.ThreadCount} after; at most {maxQueued} work items queued");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            if (database is not null)
            {
                await DropDatabaseAsync(database);
            }

            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<(List<double> Latencies, TimeSpan Elapsed, int MaxThreads, long MaxQueued, int Failures)> RunWritersAsync(DbContextOptions options, List<(string Person, int Milestone)> people, TimeSpan duration)
    {
        var latencies = new List<double>[Writers];
        var failures = 0;
        var maxThreads = 0;
        var maxQueued = 0L;
        using var stop = new CancellationTokenSource(duration);
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                maxThreads = Math.Max(maxThreads, ThreadPool.ThreadCount);
                maxQueued = Math.Max(maxQueued, ThreadPool.PendingWorkItemCount);
                try
                {
                    await Task.Delay(100, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // The run is over.
                }
            }
        });
        var watch = Stopwatch.StartNew();
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = [];
            var (person, milestone) = people[w];
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await using var db = New(options);
                    if (n % 2 == 0)
                    {
                        var step = await db.ReflectionSteps.SingleAsync(r => r.OwnerId == person && r.Kind == ReflectionStepKind.Vision);
                        step.Save(new VisionAnswers { OneYear = $"Leading a small team (draft {n})", Why = "Autosaved as I type" }, complete: false, DateTimeOffset.UtcNow);
                    }
                    else
                    {
                        var goal = await db.Goals.Include(g => g.Milestones).SingleAsync(g => g.OwnerId == person);
                        var item = goal.Milestones.Single(m => m.Id == milestone);
                        goal.SetMilestoneStatus(milestone, item.Status == MilestoneStatus.Done ? MilestoneStatus.InProgress : MilestoneStatus.Done, DateOnly.FromDateTime(DateTime.UtcNow), item.Version);
                    }

                    await db.SaveChangesAsync();
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception e) when (e is DbUpdateException or InvalidOperationException or SqliteException or NpgsqlException or CareerCompass.Domain.Common.DomainRuleException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        await Task.WhenAll(writers);
        var elapsed = watch.Elapsed;
        await sampler;
        return ([.. latencies.SelectMany(l => l)], elapsed, maxThreads, maxQueued, failures);
    }

    /// <summary>One person per writer, each with a reflection step and a goal with a milestone of their own.</summary>
    private static async Task<List<(string Person, int Milestone)>> SeedAsync(DbContextOptions options)
    {
        var people = new List<(string, int)>();
        await using var db = New(options);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        for (var i = 0; i < Writers; i++)
        {
            var email = $"writer{i}@example.org";
            var user = new AppUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString("N") };
            db.Users.Add(user);
            db.ReflectionSteps.Add(ReflectionStep.Start(user.Id, ReflectionStepKind.Vision));
            var goal = Goal.Create(user.Id, new GoalDetails("Lead a small data team", GoalHorizon.MediumTerm, Deadline: today.AddYears(1)), today);
            var milestone = goal.AddMilestone("Shadow the lead", today.AddMonths(1), notes: null);
            db.Goals.Add(goal);
            await db.SaveChangesAsync();
            people.Add((user.Id, milestone.Id));
        }

        return people;
    }

    private static AppDbContext New(DbContextOptions options) => options is DbContextOptions<PostgreSqlDbContext> postgres
        ? new PostgreSqlDbContext(postgres)
        : new AppDbContext((DbContextOptions<AppDbContext>)options);

    private static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = $"cc_bench_writes_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ConnectionString;
    }

    private static async Task DropDatabaseAsync(string database)
    {
        var builder = new NpgsqlConnectionStringBuilder(database);
        var name = builder.Database;
        builder.Database = "postgres";
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
