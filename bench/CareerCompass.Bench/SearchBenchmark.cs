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
/// (words, prefixes, stems, typos, query syntax, no match), the median, 95th percentile and slowest of N searches,
/// each with a fresh <see cref="AppDbContext"/>, cold (the app's <see cref="SqliteOccupationSearch"/> itself: what
/// the first search of a query costs) and warm (the <see cref="IOccupationSearch"/> the pages use, which keeps recent
/// results in memory), and the top results so the ranking can be read.
/// </summary>
internal static class SearchBenchmark
{
    internal static readonly string[] Queries =
    [
        "nurse", "nursing", "registered nurse", "registerd nurse", "UX", "software developer", "sofware developer",
        "teacher", "electrician", "elektrician", "accountant", "acountant", "data scientist", "chef", "truck driver",
        "a", "zzzz", "chief executive officer", "NEAR(\"nurse\"", "nurse AND teacher",
    ];

    public static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var show = args.Contains("--show");
        await using var database = await ReferenceDatabase.CreateAsync(s => s.AddOccupationSearch());
        var services = database.Services;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Console.WriteLine($"import (with the search indexes): {(long)database.ImportTime.TotalMilliseconds} ms ({await db.OccupationTitles.CountAsync()} titles), SQLite {SqliteVersion(db)}");
        }

        Console.WriteLine($"occupation search, {runs} runs each after one warm-up (ms): query | results | cold p50 | p95 | max | warm p50 | p95 | max | first result");
        var worstCold = 0.0;
        var worstWarm = 0.0;
        foreach (var query in Queries)
        {
            var first = await SearchAsync(services, query, cached: false);
            var cold = await TimeAsync(services, query, runs, cached: false);
            await SearchAsync(services, query, cached: true);
            var warm = await TimeAsync(services, query, runs, cached: true);
            worstCold = Math.Max(worstCold, cold.P95);
            worstWarm = Math.Max(worstWarm, warm.P95);
            Console.WriteLine(FormattableString.Invariant(
                $"{query,-26} | {first.Count,7} | {cold.P50,6:0.00} | {cold.P95,6:0.00} | {cold.Max,6:0.00} | {warm.P50,6:0.00} | {warm.P95,6:0.00} | {warm.Max,6:0.00} | {(first.Count > 0 ? Describe(first[0]) : "-")}"));
            if (show)
            {
                foreach (var hit in first.Take(8))
                {
                    Console.WriteLine($"      {Describe(hit)}");
                }
            }
        }

        Console.WriteLine(FormattableString.Invariant($"worst p95: cold {worstCold:0.00} ms, warm {worstWarm:0.00} ms (target: under 5 ms)"));
        await ThroughputAsync(services);
    }

    /// <summary>
    /// 32 concurrent workers for 10 s each: a bare read of the same rows (the 20 occupations a search shows, by key,
    /// through EF), then searches (the query list in turn) cold and warm, each with a fresh DbContext. Not the HTTP
    /// pipeline: the ratio compares what the search adds to a page, not Kestrel.
    /// </summary>
    private static async Task ThroughputAsync(IServiceProvider services)
    {
        const int workers = 32;
        var duration = TimeSpan.FromSeconds(10);
        var codes = (await SearchAsync(services, "nurse", cached: false)).Select(h => h.Code).ToList();

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
        var cold = await RunAsync(i => SearchAsync(services, Queries[i % Queries.Length], cached: false));
        var warm = await RunAsync(i => SearchAsync(services, Queries[i % Queries.Length], cached: true));
        Console.WriteLine(FormattableString.Invariant(
            $"throughput, {workers} concurrent workers, {duration.TotalSeconds:0} s each: bare read of 20 rows {bare / duration.TotalSeconds:N0}/s; search cold {cold / duration.TotalSeconds:N0}/s, ratio {(double)cold / bare:0.00}x; warm {warm / duration.TotalSeconds:N0}/s, ratio {(double)warm / bare:0.00}x (target: at least 0.5x)"));
    }

    private static async Task<(double P50, double P95, double Max)> TimeAsync(IServiceProvider services, string query, int runs, bool cached)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await SearchAsync(services, query, cached);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[runs / 2], times[(int)(runs * 0.95) - 1], times[^1]);
    }

    /// <summary>One search with a fresh scope: cold through the FTS5 search itself, warm through what the pages use (with the cache).</summary>
    private static async Task<IReadOnlyList<OccupationHit>> SearchAsync(IServiceProvider services, string query, bool cached)
    {
        await using var scope = services.CreateAsyncScope();
        IOccupationSearch search = cached
            ? scope.ServiceProvider.GetRequiredService<IOccupationSearch>()
            : scope.ServiceProvider.GetRequiredService<SqliteOccupationSearch>();
        return await search.SearchAsync(query, null, 20);
    }

    private static string Describe(OccupationHit hit) => hit.AlsoCalled is null ? hit.Title : $"{hit.Title} (also called {hit.AlsoCalled})";

    private static string SqliteVersion(AppDbContext db) =>
        db.Database.SqlQueryRaw<string>("SELECT sqlite_version() AS \"Value\"").AsEnumerable().First();
}
