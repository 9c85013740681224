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
/// The cold (uncached) search's processor time per call, against a bare EF read of the 20 rows a search shows: the
/// process's CPU time over <c>runs</c> calls in a row (after 20 warm-ups), two rounds so the JIT has tiered up. On a
/// shared machine CPU time moves far less with the load than wall-clock time does, so this compares two builds
/// where the <c>search</c> command's p50/p95 can't; bare ÷ search is about the ceiling of the 32-worker ratio.
/// </summary>
internal static class SearchCpuBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        await using var database = await ReferenceDatabase.CreateAsync(s => s.AddOccupationSearch());
        var services = database.Services;
        List<string> codes;
        await using (var scope = services.CreateAsyncScope())
        {
            codes = (await scope.ServiceProvider.GetRequiredService<SqliteOccupationSearch>().SearchAsync("nurse", null, 20)).Select(h => h.Code).ToList();
        }

        async Task<double> CpuAsync(Func<Task> work)
        {
            for (var i = 0; i < 20; i++)
            {
                await work();
            }

            var before = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < runs; i++)
            {
                await work();
            }

            return (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / runs;
        }

        Console.WriteLine($"CPU ms per call, {runs} calls each after 20 warm-ups, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        for (var round = 1; round <= 2; round++)
        {
            var bare = await CpuAsync(async () =>
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await db.Occupations.AsNoTracking().Where(o => codes.Contains(o.Code)).Select(o => new { o.Code, o.Title, o.JobZone }).ToListAsync();
            });
            var each = new List<string>();
            var sum = 0.0;
            foreach (var query in SearchBenchmark.Queries)
            {
                var cpu = await CpuAsync(async () =>
                {
                    await using var scope = services.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<SqliteOccupationSearch>().SearchAsync(query, null, 20);
                });
                sum += cpu;
                each.Add(FormattableString.Invariant($"{query} {cpu:0.00}"));
            }

            var mean = sum / SearchBenchmark.Queries.Length;
            Console.WriteLine(FormattableString.Invariant(
                $"round {round}: bare read {bare:0.00}; cold search, mean of the 20 queries {mean:0.00} (bare / search {bare / mean:0.00}x); {string.Join("; ", each)}"));
        }
    }
}
