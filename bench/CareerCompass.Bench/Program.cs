using System.Diagnostics;
using System.Globalization;
using CareerCompass.Bench;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Pages.Reflection.Occupations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

// `reminders [people]`: the reminder dispatcher on a large database (ReminderBenchmark.cs).
if (args is ["reminders", .. var rest])
{
    await ReminderBenchmark.RunAsync(rest);
    return;
}

// `caseload [runs]`: the counsellor caseload's queries for 10, 100 and 1,000 clients (CaseloadBenchmark.cs).
if (args is ["caseload", .. var caseloadArgs])
{
    await CaseloadBenchmark.RunAsync(caseloadArgs);
    return;
}

// `coach`: the SMART coach's agreement with the hand-labelled corpus in tests/coach-corpus (CoachBenchmark.cs).
if (args is ["coach", .. var coachArgs])
{
    CoachBenchmark.Run(coachArgs);
    return;
}

// Occupation search on the real O*NET data in a real SQLite file: the figures behind "search answers in under
// 50 ms". Prints the import time once, then per query the median, 95th percentile and slowest of N runs.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var folder = Path.Combine(Path.GetTempPath(), "careercompass-bench", Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
var options = new DbContextOptionsBuilder<AppDbContext>()
    .UseSqlite($"Data Source={Path.Combine(folder, "bench.db")};Foreign Keys=True")
    .Options;

try
{
    await using (var setup = new AppDbContext(options))
    {
        await setup.Database.MigrateAsync();
        await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var import = Stopwatch.StartNew();
        await OnetImport.ImportIfNeededAsync(setup, OnetImport.DefaultFolder, NullLogger.Instance);
        Console.WriteLine($"import: {import.ElapsedMilliseconds} ms ({await setup.OccupationTitles.CountAsync()} titles)");
    }

    string[] queries = ["nurse", "coder", "UX", "software developer", "teacher", "a", "zzzz", "chief executive officer"];
    Console.WriteLine($"occupation search, {runs} runs each (ms): query | results | p50 | p95 | max");
    var worstP95 = 0.0;
    foreach (var query in queries)
    {
        await using var db = new AppDbContext(options);
        var catalog = new OccupationCatalog(db);
        var results = (await catalog.SearchAsync(query, null)).Count; // warm-up: plans and pool
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await catalog.SearchAsync(query, null);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var p95 = times[(int)(runs * 0.95) - 1];
        worstP95 = Math.Max(worstP95, p95);
        Console.WriteLine(FormattableString.Invariant($"{query,-26} | {results,7} | {times[runs / 2],6:0.00} | {p95,6:0.00} | {times[^1],6:0.00}"));
    }

    Console.WriteLine(FormattableString.Invariant($"worst p95: {worstP95:0.00} ms (target: under 50 ms)"));
}
finally
{
    SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}
