using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CareerCompass.Web.Data;
using static CareerCompass.Bench.HttpBench;
using CareerCompass.Web.Pages.Reflection.Occupations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Bench;

/// <summary>
/// The search page over HTTP: the real app (its <c>Program</c>, Production settings, its own SQLite file built by
/// migrations and the O*NET import) on Kestrel on a loopback port, a benchmark person registered and signed in
/// through the app's own forms, and 32 connections asking for <c>/Reflection/Occupations?q=…</c> (the 20 queries
/// in turn) against a bare page that reads the same 20 occupation rows by key and lists them. The bare page exists
/// only in this benchmark's host (an <see cref="IStartupFilter"/> in front of the app's pipeline): it authenticates
/// the same cookie (the app's cookie handler, which reads the session), reads the rows with EF in a fresh scope,
/// and writes a minimal HTML list — none of the app's other middleware, Razor, or the page's own reads.
/// </summary>
internal static class HttpSearchBenchmark
{
    private const string BarePath = "/bench/bare";

    private static readonly string[] Queries =
    [
        "nurse", "nursing", "registered nurse", "registerd nurse", "UX", "software developer", "sofware developer",
        "teacher", "electrician", "elektrician", "accountant", "acountant", "data scientist", "chef", "truck driver",
        "a", "zzzz", "chief executive officer", "NEAR(\"nurse\"", "nurse AND teacher",
    ];

    /// <summary>Cold: the page's search without the cache of recent results (each request runs the FTS5 statements).</summary>
    private static volatile bool _cached = true;

    private static IReadOnlyList<string> _codes = [];

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var duration = TimeSpan.FromSeconds(seconds);
        using var host = new Host(new Dictionary<string, RequestDelegate> { [BarePath] = BareAsync }, services =>
        {
            services.AddScoped<CachedOccupationSearch>();
            services.AddScoped<IOccupationSearch>(sp => _cached
                ? sp.GetRequiredService<CachedOccupationSearch>()
                : sp.GetRequiredService<SqliteOccupationSearch>());
        });
        host.UseKestrel(0);
        host.StartServer();
        var address = AddressOf(host);
        Console.WriteLine($"the app on Kestrel at {address}, {Connections} connections, {rounds} rounds of {seconds} s per side, load average before: {LoadAverage()}");

        var cookie = await SignInAsync(host, address);
        using (var scope = host.Services.CreateScope())
        {
            _codes = (await scope.ServiceProvider.GetRequiredService<SqliteOccupationSearch>().SearchAsync("nurse", null, 20)).Select(h => h.Code).ToList();
        }

        using var client = Client(address, cookie, out var handler);
        using var ownHandler = handler;
        await CheckAsync(client, BarePath, "<li>");
        await CheckAsync(client, $"/Reflection/Occupations?q=nurse", "Registered Nurses");

        // The sides take turns, `rounds` times, so a change in the machine's load (other builds) falls on all of them.
        var sides = new (string Name, Func<int, string> Path, bool Cached)[]
        {
            ("bare page (20 rows by key)", _ => BarePath, true),
            ("the page without a query", _ => "/Reflection/Occupations", true),
            ("search page, cold (no cache)", SearchPath, false),
            ("search page, warm (cache)", SearchPath, true),
        };
        // BENCH_SEARCH_ONLY=cold (or any word of a side's name) runs that side alone and the bare page, for profiling.
        if (Environment.GetEnvironmentVariable("BENCH_SEARCH_ONLY") is { Length: > 0 } only)
        {
            sides = [sides[0], .. sides.Skip(1).Where(s => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase))];
        }

        // Every side until the JIT is quiet, so the rounds measure optimised code with its connections open.
        await WarmUpAsync(client, sides.Select(side => side.Path).ToList(), i => _cached = sides[i].Cached);
        _cached = true;

        var results = sides.Select(_ => new List<Result>()).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var side = 0; side < sides.Length; side++)
            {
                _cached = sides[side].Cached;
                results[side].Add(await LoadAsync(client, sides[side].Path, duration));
            }
        }

        _cached = true;
        Console.WriteLine($"load average after: {LoadAverage()}");
        Console.WriteLine($"side | requests/s ({rounds} rounds of {seconds} s, taking turns) | p50 ms | p95 ms | max ms | not 200 | ratio to bare");
        var bare = Result.Of(results[0]);
        for (var side = 0; side < sides.Length; side++)
        {
            Print(sides[side].Name, Result.Of(results[side]), bare);
        }
    }

    private static string SearchPath(int i) => $"/Reflection/Occupations?q={Uri.EscapeDataString(Queries[i % Queries.Length])}";

    private static void Print(string side, Result result, Result bare) =>
        Console.WriteLine(FormattableString.Invariant(
            $"{side,-30} | {result.PerSecond,10:N0} | {result.P50,6:0.00} | {result.P95,6:0.00} | {result.Max,6:0.00} | {result.Failed,7} | {result.PerSecond / bare.PerSecond:0.00}x"));

    /// <summary>The bare page: authenticate, read the 20 rows by key, write a minimal list.</summary>
    private static async Task BareAsync(HttpContext context)
    {
        var user = await context.AuthenticateAsync();
        if (!user.Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var rows = await db.Occupations.AsNoTracking().Where(o => _codes.Contains(o.Code)).OrderBy(o => o.Title)
            .Select(o => new { o.Code, o.Title, o.JobZone }).ToListAsync();
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><title>Occupations</title><ul>");
        foreach (var row in rows)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/Reflection/Occupations/{WebUtility.HtmlEncode(row.Code)}\">{WebUtility.HtmlEncode(row.Title)}</a> {row.JobZone}</li>");
        }

        html.Append("</ul></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString());
    }
}
