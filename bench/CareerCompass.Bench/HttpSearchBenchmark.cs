using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CareerCompass.Web.Data;
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
internal static partial class HttpSearchBenchmark
{
    private const string BarePath = "/bench/bare";
    private const int Connections = 32;

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
        using var host = new Host();
        host.UseKestrel(0);
        host.StartServer();
        var address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Console.WriteLine($"the app on Kestrel at {address}, {Connections} connections, {rounds} rounds of {seconds} s per side, load average before: {LoadAverage()}");

        var cookie = await SignInAsync(host, address);
        using (var scope = host.Services.CreateScope())
        {
            _codes = (await scope.ServiceProvider.GetRequiredService<SqliteOccupationSearch>().SearchAsync("nurse", null, 20)).Select(h => h.Code).ToList();
        }

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = Connections, UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = address };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        await CheckAsync(client, BarePath, "<li>");
        await CheckAsync(client, $"/Reflection/Occupations?q=nurse", "Registered Nurses");

        // A few seconds of each first, so both sides are compiled and their connections open.
        await LoadAsync(client, _ => BarePath, TimeSpan.FromSeconds(2));
        await LoadAsync(client, i => SearchPath(i), TimeSpan.FromSeconds(2));

        // The sides take turns, `rounds` times, so a change in the machine's load (other builds) falls on all of them.
        var sides = new (string Name, Func<int, string> Path, bool Cached)[]
        {
            ("bare page (20 rows by key)", _ => BarePath, true),
            ("the page without a query", _ => "/Reflection/Occupations", true),
            ("search page, cold (no cache)", SearchPath, false),
            ("search page, warm (cache)", SearchPath, true),
        };
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

    private sealed record Result(double PerSecond, double P50, double P95, double Max, long Failed, List<double> Times, double Seconds)
    {
        /// <summary>All the rounds of one side together: requests over the time they took, percentiles over every request.</summary>
        public static Result Of(List<Result> rounds)
        {
            var times = rounds.SelectMany(r => r.Times).Order().ToList();
            var seconds = rounds.Sum(r => r.Seconds);
            return new Result(times.Count / seconds, times[times.Count / 2], times[(int)(times.Count * 0.95) - 1], times[^1], rounds.Sum(r => r.Failed), times, seconds);
        }
    }

    /// <summary>32 workers, each one request at a time on its own connection, for <paramref name="duration"/>; each request timed.</summary>
    private static async Task<Result> LoadAsync(HttpClient client, Func<int, string> path, TimeSpan duration)
    {
        long failed = 0;
        var clock = Stopwatch.StartNew();
        var times = await Task.WhenAll(Enumerable.Range(0, Connections).Select(w => Task.Run(async () =>
        {
            var mine = new List<double>();
            for (var i = w; clock.Elapsed < duration; i++)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path(i), HttpCompletionOption.ResponseContentRead);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref failed);
                }
            }

            return mine;
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = times.SelectMany(t => t).Order().ToList();
        return new Result(all.Count / elapsed, all[all.Count / 2], all[(int)(all.Count * 0.95) - 1], all[^1], failed, all, elapsed);
    }

    private static async Task CheckAsync(HttpClient client, string path, string expected)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} without \"{expected}\": the benchmark person isn't signed in, or the page changed.");
        }
    }

    /// <summary>Registers a person through the real form, confirms the address (as the mailed link would), signs in through the real form.</summary>
    private static async Task<string> SignInAsync(Host host, Uri address)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = address };
        const string email = "bench@example.org";
        const string password = "correct horse battery staple";
        await PostFormAsync(browser, "/Identity/Account/Register", new() { ["Input.Email"] = email, ["Input.Password"] = password, ["Input.ConfirmPassword"] = password });
        using (var scope = host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("The register form didn't create the benchmark person.");
            await users.ConfirmEmailAsync(user, await users.GenerateEmailConfirmationTokenAsync(user));
        }

        var signedIn = await PostFormAsync(browser, "/Identity/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        if (signedIn != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in answered {(int)signedIn}, not a redirect.");
        }

        return string.Join("; ", cookies.GetAllCookies().Select(c => $"{c.Name}={c.Value}"));
    }

    private static async Task<HttpStatusCode> PostFormAsync(HttpClient browser, string path, Dictionary<string, string> fields)
    {
        var form = await browser.GetStringAsync(path);
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        using var content = new FormUrlEncodedContent(fields);
        using var response = await browser.PostAsync(path, content);
        return response.StatusCode;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex Token();

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

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

    /// <summary>The real app in a temporary folder, Production settings as the tests use them, plus the bare page.</summary>
    // Any type of the app's assembly names its entry point (this project has a Program of its own).
    private sealed class Host : WebApplicationFactory<AppDbContext>
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "careercompass-bench", Guid.NewGuid().ToString("N"));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(_folder);
            builder.UseEnvironment("Production");
            builder.UseSetting("DataRoot", _folder);
            builder.UseSetting("ConnectionStrings:CareerCompass", $"Data Source={Path.Combine(_folder, "careercompass.db")}");
            builder.UseSetting("Email:Transport", "Pickup");
            builder.UseSetting("Email:PickupDirectory", Path.Combine(_folder, "mail"));
            builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(_folder, "keys"));
            builder.UseSetting("App:PublicBaseUrl", "http://localhost");
            builder.UseSetting("Reminders:Enabled", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureTestServices(services =>
            {
                services.AddScoped<CachedOccupationSearch>();
                services.AddScoped<IOccupationSearch>(sp => _cached
                    ? sp.GetRequiredService<CachedOccupationSearch>()
                    : sp.GetRequiredService<SqliteOccupationSearch>());
                services.AddSingleton<IStartupFilter, BarePage>();
            });
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (disposing)
            {
                SqliteConnection.ClearAllPools();
                if (Directory.Exists(_folder))
                {
                    Directory.Delete(_folder, recursive: true);
                }
            }
        }
    }

    private sealed class BarePage : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                if (context.Request.Path == BarePath)
                {
                    await BareAsync(context);
                }
                else
                {
                    await following(context);
                }
            });
            next(app);
        };
    }
}
