using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Bench;

/// <summary>
/// What the HTTP benchmarks share: the real app on Kestrel (<see cref="Host"/>) with bare pages of the benchmark's
/// own in front of its pipeline, a person registered and signed in through the app's forms, 32 connections of load
/// with every request timed, and the process's CPU time and SQL statements over each side.
/// </summary>
internal static partial class HttpBench
{
    public const int Connections = 32;

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    public static Uri AddressOf(Host host) =>
        new(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static HttpClient Client(Uri address, string cookie, out SocketsHttpHandler handler)
    {
        handler = new SocketsHttpHandler { MaxConnectionsPerServer = Connections, UseCookies = false, AllowAutoRedirect = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        var client = new HttpClient(handler) { BaseAddress = address };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>
    /// One side's load: requests per second over the time they took, every request's time, how many weren't 200, and
    /// the process's CPU time and SQL statements per request (the load generator runs in the same process, so CPU
    /// per request includes the client's share, about the same for every side).
    /// </summary>
    public sealed record Result(double PerSecond, double P50, double P95, double P99, double Max, long Failed, List<double> Times, double Seconds, double CpuMs, long Statements)
    {
        public double CpuPerRequest => CpuMs / Times.Count;

        public double StatementsPerRequest => (double)Statements / Times.Count;

        /// <summary>All the rounds of one side together: requests over the time they took, percentiles over every request.</summary>
        public static Result Of(List<Result> rounds)
        {
            var times = rounds.SelectMany(r => r.Times).Order().ToList();
            var seconds = rounds.Sum(r => r.Seconds);
            return new Result(times.Count / seconds, Percentile(times, 0.5), Percentile(times, 0.95), Percentile(times, 0.99), times[^1], rounds.Sum(r => r.Failed), times, seconds, rounds.Sum(r => r.CpuMs), rounds.Sum(r => r.Statements));
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * p) - 1, 0, sorted.Count - 1)];

    /// <summary>
    /// Loads each path in turn, 2 s at a time, until the JIT has gone quiet: a cycle in which fewer than 20 methods
    /// were compiled (or 180 s). Tiered compilation recompiles a hot method with full optimisation only after it has
    /// been called for a while, and on two busy cores that takes tens of seconds for a page with as much code as the
    /// goal page: a few seconds of warm-up measured a mix of quick and optimised code, more of it quick on the pages
    /// with the most code. Prints how long it took.
    /// </summary>
    public static async Task WarmUpAsync(HttpClient client, IReadOnlyList<Func<int, string>> paths, Action<int>? beforeEach = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var clock = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (true)
        {
            for (var i = 0; i < paths.Count; i++)
            {
                beforeEach?.Invoke(i);
                await LoadAsync(client, paths[i], TimeSpan.FromSeconds(2));
            }

            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            var cycle = now - compiled;
            compiled = now;
            if (cycle < 20 || clock.Elapsed > TimeSpan.FromSeconds(180))
            {
                var why = cycle < 20 ? "until" : "and stopped at the 180 s limit while";
                Console.WriteLine(FormattableString.Invariant($"warmed up for {clock.Elapsed.TotalSeconds:0} s, {why} the JIT compiled {cycle} methods in a cycle ({now:N0} in all)"));
                return;
            }
        }
    }

    /// <summary>32 workers, each one request at a time on its own connection, for <paramref name="duration"/>; each request timed.</summary>
    public static async Task<Result> LoadAsync(HttpClient client, Func<int, string> path, TimeSpan duration, StatementCounter? statements = null)
    {
        long failed = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var statementsBefore = statements?.Count ?? 0;
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
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
        var all = times.SelectMany(t => t).Order().ToList();
        return new Result(all.Count / elapsed, Percentile(all, 0.5), Percentile(all, 0.95), Percentile(all, 0.99), all[^1], failed, all, elapsed, cpu, (statements?.Count ?? 0) - statementsBefore);
    }

    public static async Task<string> CheckAsync(HttpClient client, string path, string expected)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} without \"{expected}\": the benchmark person isn't signed in, or the page changed.");
        }

        return body;
    }

    /// <summary>Registers a person through the real form, confirms the address (as the mailed link would), signs in through the real form.</summary>
    public static async Task<string> SignInAsync(Host host, Uri address, string email = "bench@example.org")
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = address };
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

    public static string Ms(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Counts the SQL statements EF sends (as the tests' QueryCounter does).</summary>
    public sealed class StatementCounter : DbCommandInterceptor
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public override ValueTask<InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<System.Data.Common.DbDataReader> ReaderExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecuting(command, eventData, result);
        }
    }

    /// <summary>
    /// The real app in a temporary folder, Production settings as the tests use them, plus the benchmark's bare pages
    /// (path prefix → handler) in front of its pipeline and whatever services the benchmark adds.
    /// </summary>
    // Any type of the app's assembly names its entry point (this project has a Program of its own).
    public sealed class Host(IReadOnlyDictionary<string, RequestDelegate> barePages, Action<IServiceCollection>? services = null) : WebApplicationFactory<AppDbContext>
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
            builder.ConfigureTestServices(s =>
            {
                services?.Invoke(s);
                s.AddSingleton<IStartupFilter>(new BarePages(barePages));
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

    private sealed class BarePages(IReadOnlyDictionary<string, RequestDelegate> pages) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                var page = pages.FirstOrDefault(p => context.Request.Path.StartsWithSegments(p.Key, StringComparison.Ordinal)).Value;
                if (page is not null)
                {
                    await page(context);
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
