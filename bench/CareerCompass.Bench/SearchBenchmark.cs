using System.Diagnostics;
using System.Globalization;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Pages.Reflection.Occupations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerCompass.Bench;

/// <summary>
/// Occupation search on the real O*NET data in a SQLite file built by the app's migrations and import: per query
/// (words, prefixes, stems, typos, query syntax, no match), the median, 95th percentile and slowest of N searches
/// through the app's own <see cref="SqliteOccupationSearch"/>, each with a fresh <see cref="AppDbContext"/>, and the
/// top results so the ranking can be read.
/// </summary>
internal static class SearchBenchmark
{
    private static readonly string[] Queries =
    [
        "nurse", "nursing", "registered nurse", "registerd nurse", "UX", "software developer", "sofware developer",
        "teacher", "electrician", "elektrician", "accountant", "acountant", "data scientist", "chef", "truck driver",
        "a", "zzzz", "chief executive officer", "NEAR(\"nurse\"", "nurse AND teacher",
    ];

    public static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var show = args.Contains("--show");
        var folder = Path.Combine(Path.GetTempPath(), "careercompass-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connection = $"Data Source={Path.Combine(folder, "bench.db")};Foreign Keys=True";
        var services = new ServiceCollection()
            .AddDbContext<AppDbContext>(o => o.UseSqlite(connection))
            .AddSingleton<OccupationReference>()
            .AddScoped<IOccupationSearch, SqliteOccupationSearch>()
            .BuildServiceProvider();
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var setup = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await setup.Database.MigrateAsync();
                await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
                var import = Stopwatch.StartNew();
                await OnetImport.ImportIfNeededAsync(setup, OnetImport.DefaultFolder, NullLogger.Instance);
                Console.WriteLine($"import (with the search indexes): {import.ElapsedMilliseconds} ms ({await setup.OccupationTitles.CountAsync()} titles), SQLite {SqliteVersion(setup)}");
            }

            Console.WriteLine($"occupation search, {runs} runs each after one warm-up (ms): query | results | p50 | p95 | max | first result");
            var worstP95 = 0.0;
            foreach (var query in Queries)
            {
                var first = await SearchAsync(services, query);
                var times = new List<double>(runs);
                for (var i = 0; i < runs; i++)
                {
                    var watch = Stopwatch.StartNew();
                    await SearchAsync(services, query);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                var p95 = times[(int)(runs * 0.95) - 1];
                worstP95 = Math.Max(worstP95, p95);
                Console.WriteLine(FormattableString.Invariant(
                    $"{query,-26} | {first.Count,7} | {times[runs / 2],6:0.00} | {p95,6:0.00} | {times[^1],6:0.00} | {(first.Count > 0 ? Describe(first[0]) : "-")}"));
                if (show)
                {
                    foreach (var hit in first.Take(8))
                    {
                        Console.WriteLine($"      {Describe(hit)}");
                    }
                }
            }

            Console.WriteLine(FormattableString.Invariant($"worst p95: {worstP95:0.00} ms (target: under 5 ms)"));
            await ThroughputAsync(services);
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// 32 concurrent workers for 10 s each way: searches (the query list in turn) against a bare read of the same
    /// rows (the 20 occupations a search shows, by key, through EF), each with a fresh DbContext. Not the HTTP
    /// pipeline: the ratio compares what the search adds to a page, not Kestrel.
    /// </summary>
    private static async Task ThroughputAsync(IServiceProvider services)
    {
        const int workers = 32;
        var duration = TimeSpan.FromSeconds(10);
        var codes = (await SearchAsync(services, "nurse")).Select(h => h.Code).ToList();

        async Task<long> RunAsync(Func<int, Task> work)
        {
            long done = 0;
            var until = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
            {
                for (var i = w; until.Elapsed < duration; i++)
                {
                    await work(i);
                    Interlocked.Increment(ref done);
                }
            })));
            return done;
        }

        var bare = await RunAsync(async _ =>
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Occupations.AsNoTracking().Where(o => codes.Contains(o.Code)).Select(o => new { o.Code, o.Title, o.JobZone }).ToListAsync();
        });
        var search = await RunAsync(i => SearchAsync(services, Queries[i % Queries.Length]));
        Console.WriteLine(FormattableString.Invariant(
            $"throughput, {workers} concurrent workers, {duration.TotalSeconds:0} s each: bare read of 20 rows {bare / duration.TotalSeconds:N0}/s, search {search / duration.TotalSeconds:N0}/s, ratio {(double)search / bare:0.00}x (target: at least 0.5x)"));
    }

    private static async Task<IReadOnlyList<OccupationHit>> SearchAsync(IServiceProvider services, string query)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IOccupationSearch>().SearchAsync(query, null, 20);
    }

    private static string Describe(OccupationHit hit) => hit.AlsoCalled is null ? hit.Title : $"{hit.Title} (also called {hit.AlsoCalled})";

    private static string SqliteVersion(AppDbContext db) =>
        db.Database.SqlQueryRaw<string>("SELECT sqlite_version() AS \"Value\"").AsEnumerable().First();
}
