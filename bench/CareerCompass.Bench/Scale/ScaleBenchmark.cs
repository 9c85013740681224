using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CareerCompass.Web.Data;
using CareerCompass.Web.Data.PostgreSql;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace CareerCompass.Bench.Scale;

/// <summary>
/// <c>scale [--provider sqlite|postgresql|both] [--people N] [--seconds S]</c>: the signed-in pages with 100 and then
/// N (100,000) other people in the database, on each provider; one app instance, then two behind nginx. Each instance
/// is a process of its own (<see cref="ScaleHost"/>); wrk (Debian's) puts 32 connections on loopback against each
/// page and against its bare page (the floor: the same rows in one or two queries). Prints requests/s, p50, p99, SQL
/// statements per request, the ratio to the bare page, and each instance's memory (peak and at the end).
/// </summary>
internal static partial class ScaleBenchmark
{
    private const int Connections = 32;

    /// <summary>The host every request names (the app serves only its public address's host); the sockets are 127.0.0.1.</summary>
    internal const string PublicHost = "localhost";

    private static readonly string[] Queries =
    [
        "nurse", "nursing", "registered nurse", "registerd nurse", "UX", "software developer", "sofware developer",
        "teacher", "electrician", "elektrician", "accountant", "acountant", "data scientist", "chef", "truck driver",
    ];

    private const string SmartCheckBody = """{"statement":"Complete the Google UX Design certificate by 30 June 2027","horizon":"short","measure":"certificate","target":"1","deadline":"2027-06-30","confidence":7,"confidencePlan":"Two evenings a week"}""";

    public static async Task RunAsync(string[] args)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var providers = (Option("--provider") ?? "both").ToLowerInvariant() switch
        {
            "sqlite" => new[] { "Sqlite" },
            "postgresql" => ["PostgreSQL"],
            _ => ["Sqlite", "PostgreSQL"],
        };
        var people = int.Parse(Option("--people") ?? "100000", CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option("--seconds") ?? "10", CultureInfo.InvariantCulture);
        var root = Path.Combine(Path.GetTempPath(), "careercompass-scale", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        Console.WriteLine($"scale benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {people:N0} people, wrk {Connections} connections × {seconds} s per side, load average {HttpBench.LoadAverage()}");
        Console.WriteLine($"wrk: {Run("wrk", "--version", check: false).Split('\n')[0].Trim()}; nginx: {Run("nginx", "-v").Trim()}");
        var rows = new List<string>();
        string? cluster = null;
        try
        {
            foreach (var provider in providers)
            {
                string connection;
                if (provider == "PostgreSQL")
                {
                    var admin = Option("--postgres") ?? Environment.GetEnvironmentVariable("CAREERCOMPASS_TEST_POSTGRES");
                    if (admin is null)
                    {
                        cluster = Path.Combine(root, "pg");
                        Directory.CreateDirectory(cluster);
                        admin = Run(Path.Combine(Repository.Root, "scripts", "postgres.sh"), $"start {cluster}").Trim().Split('\n')[^1];
                    }

                    connection = await CreatePostgresDatabaseAsync(admin);
                }
                else
                {
                    connection = $"Data Source={Path.Combine(root, "sqlite", "careercompass.db")}";
                }

                rows.AddRange(await RunProviderAsync(provider, connection, Path.Combine(root, provider), people, TimeSpan.FromSeconds(seconds), args.Contains("--quick")));
            }
        }
        finally
        {
            if (cluster is not null)
            {
                Run(Path.Combine(Repository.Root, "scripts", "postgres.sh"), $"stop {cluster}");
            }

            SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }

        Console.WriteLine();
        Console.WriteLine($"load average at the end: {HttpBench.LoadAverage()}");
        Console.WriteLine(Row.Header);
        rows.ForEach(Console.WriteLine);
    }

    private static async Task<IReadOnlyList<string>> RunProviderAsync(string provider, string connection, string folder, int people, TimeSpan duration, bool quick)
    {
        var output = new List<string>();
        // The app serves only its public address's host (localhost here; the port isn't checked).
        var publicUrl = $"http://{PublicHost}";
        Console.WriteLine();
        Console.WriteLine($"== {provider}");

        // The first instance migrates the database and imports O*NET (as the app does at every start).
        var first = await Instance.StartAsync(provider, connection, Path.Combine(folder, "a"), publicUrl);
        var seed = new ScaleSeed(() => Open(provider, first.Connection), TimeProvider.System);
        await seed.SeedProbesAsync();
        var seeded = await seed.SeedPeopleAsync(100);
        Console.WriteLine(FormattableString.Invariant($"seeded the probes, {ScaleSeed.Counsellors} counsellors and 100 people in {seeded:0.0} s"));
        await AnalyseAsync(provider, first.Connection);
        var pages = await PagesAsync(provider, first, seed);
        output.AddRange(await MeasureAsync(provider, 100, "1 (direct)", [first], first.Address, pages, duration));
        if (quick)
        {
            // --quick: the 100-person rows on one instance and its memory, for trying a change in a few minutes.
            output.Add(await MemoryLineAsync(provider, 100, "instance", first));
            await first.DisposeAsync();
            return output;
        }

        var watch = Stopwatch.StartNew();
        var last = 0;
        await seed.SeedPeopleAsync(people, done =>
        {
            if (done * 10 / people != last)
            {
                last = done * 10 / people;
                Console.WriteLine(FormattableString.Invariant($"  seeding: {done,7:N0} of {people:N0} people, {watch.Elapsed.TotalSeconds:0} s"));
            }
        });
        Console.WriteLine(FormattableString.Invariant($"seeded {people:N0} people in {watch.Elapsed.TotalSeconds:0.0} s ({people / watch.Elapsed.TotalSeconds:N0} people/s); {await SizeAsync(provider, first.Connection)}"));
        await AnalyseAsync(provider, first.Connection);

        // Fresh processes, so each one's peak memory is that of serving the big database.
        await first.DisposeAsync();
        await using var a = await Instance.StartAsync(provider, connection, Path.Combine(folder, "a"), publicUrl);
        await using var b = await Instance.StartAsync(provider, connection, Path.Combine(folder, "b"), publicUrl);
        await using var one = await Nginx.StartAsync(Path.Combine(folder, "nginx-one"), [a.Port]);
        pages = await PagesAsync(provider, a, seed);
        output.AddRange(await MeasureAsync(provider, people, "1 (direct)", [a], a.Address, pages, duration));
        output.AddRange(await MeasureAsync(provider, people, "1 (nginx)", [a], one.Address, pages, duration));
        await one.DisposeAsync();
        await using var two = await Nginx.StartAsync(Path.Combine(folder, "nginx-two"), [a.Port, b.Port]);
        output.AddRange(await MeasureAsync(provider, people, "2 (nginx)", [a, b], two.Address, pages, duration));
        foreach (var (instance, name) in new[] { (a, "a"), (b, "b") })
        {
            output.Add(await MemoryLineAsync(provider, people, $"instance {name}", instance));
        }

        return output;
    }

    /// <summary>An instance's memory: its peak and current resident size, and where it is (<see cref="ScaleHost.MemoryPath"/>).</summary>
    private static async Task<string> MemoryLineAsync(string provider, int people, string name, Instance instance) =>
        FormattableString.Invariant($"{provider,-10} | {people,7:N0} | {name}: peak memory (VmHWM) {instance.PeakMb():N0} MB, at the end (VmRSS) {instance.ResidentMb():N0} MB; {await BreakdownAsync(instance)}");

    private static async Task<string> BreakdownAsync(Instance instance)
    {
        using var client = new HttpClient { BaseAddress = instance.Address };
        client.DefaultRequestHeaders.Host = PublicHost;
        try
        {
            return await client.GetStringAsync(new Uri(ScaleHost.MemoryPath, UriKind.Relative));
        }
        catch (HttpRequestException e)
        {
            // The figures already measured matter more than this line: say it is missing and go on.
            return $"no breakdown ({e.Message})";
        }
    }

    private sealed record Page(string Name, string Path, string Cookie, string? Body, string Expected, string BarePath);

    /// <summary>The measured pages, each checked once (200 and its content) before any load.</summary>
    private static async Task<IReadOnlyList<Page>> PagesAsync(string provider, Instance instance, ScaleSeed seed)
    {
        var person = await SignInAsync(instance.Address, ScaleSeed.ProbeEmail);
        var counsellor = await SignInAsync(instance.Address, ScaleSeed.ProbeCounsellorEmail);
        await using var db = Open(provider, instance.Connection);
        var nurses = await db.Occupations.AsNoTracking().Where(o => o.Title.Contains("Nurse")).OrderBy(o => o.Code).Select(o => o.Code).Take(20).ToListAsync();
        var codes = string.Join("&", nurses.Select(c => "code=" + Uri.EscapeDataString(c)));
        var pages = new List<Page>
        {
            new("dashboard", "/", person, null, "goal 20", "/bench/bare/dashboard"),
            new("goal page", $"/Goals/{seed.ProbeGoalId}", person, null, "goal 1)", $"/bench/bare/goal?id={seed.ProbeGoalId}"),
            new("caseload", "/Counsellor", counsellor, null, "person0000", "/bench/bare/caseload"),
            new("search", "/Reflection/Occupations?q=nurse", person, null, "Registered Nurses", $"/bench/bare/search?{codes}"),
            new("smart-check", "/api/goals/smart-check", person, SmartCheckBody, "\"specific\"", "/bench/bare/smart-check"),
        };
        using var client = new HttpClient { BaseAddress = instance.Address };
        client.DefaultRequestHeaders.Host = PublicHost;
        foreach (var page in pages)
        {
            foreach (var path in new[] { page.Path, page.BarePath })
            {
                using var request = new HttpRequestMessage(page.Body is null ? HttpMethod.Get : HttpMethod.Post, path);
                request.Headers.Add("Cookie", page.Cookie);
                if (page.Body is not null)
                {
                    request.Content = new StringContent(page.Body, Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.OK || (path == page.Path && !text.Contains(page.Expected, StringComparison.Ordinal)))
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} without \"{page.Expected}\": the probe isn't signed in, or the page changed.");
                }
            }
        }

        return pages;
    }

    private static async Task<IReadOnlyList<string>> MeasureAsync(string provider, int people, string instances, IReadOnlyList<Instance> servers, Uri address, IReadOnlyList<Page> pages, TimeSpan duration)
    {
        var output = new List<string>();
        foreach (var page in pages)
        {
            var paths = page.Name == "search" ? Queries.Select(q => "/Reflection/Occupations?q=" + Uri.EscapeDataString(q)).ToArray() : [page.Path];
            var bare = await WrkAsync(servers, address, [page.BarePath], page, TimeSpan.FromSeconds(Math.Max(3, duration.TotalSeconds / 2)));
            var measured = await WrkAsync(servers, address, paths, page, duration);
            var row = new Row(provider, people, instances, page.Name, measured, bare);
            Console.WriteLine(row);
            output.Add(row.ToString());
        }

        return output;
    }

    private sealed record Wrk(double PerSecond, double P50, double P99, long NotOk, double Statements);

    private sealed record Row(string Provider, int People, string Instances, string Page, Wrk Measured, Wrk Bare)
    {
        public static string Header =>
            "provider   | people  | instances  | page        | req/s  | p50 ms | p99 ms  | SQL/req | bare req/s | bare SQL | ratio | not 2xx";

        public override string ToString() => FormattableString.Invariant(
            $"{Provider,-10} | {People,7:N0} | {Instances,-10} | {Page,-11} | {Measured.PerSecond,6:N0} | {Measured.P50,6:0.0} | {Measured.P99,7:0.0} | {Measured.Statements,7:0.0} | {Bare.PerSecond,10:N0} | {Bare.Statements,8:0.0} | {Measured.PerSecond / Bare.PerSecond,5:0.00} | {Measured.NotOk}");
    }

    /// <summary>wrk against <paramref name="address"/>, rotating <paramref name="paths"/>; statements per request from the instances' counters.</summary>
    private static async Task<Wrk> WrkAsync(IReadOnlyList<Instance> servers, Uri address, string[] paths, Page page, TimeSpan duration)
    {
        var script = Path.Combine(Path.GetTempPath(), $"careercompass-wrk-{Guid.NewGuid():N}.lua");
        var lua = new StringBuilder();
        lua.Append("local paths = {").AppendJoin(", ", paths.Select(p => "\"" + p.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")).AppendLine("}");
        lua.AppendLine("local i = 0");
        lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.headers[\"Cookie\"] = \"{page.Cookie}\"");
        lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.headers[\"Host\"] = \"{PublicHost}\"");
        if (page.Body is not null && !paths[0].StartsWith("/bench/bare/search", StringComparison.Ordinal))
        {
            lua.AppendLine("wrk.method = \"POST\"");
            lua.AppendLine(CultureInfo.InvariantCulture, $"wrk.body = '{page.Body}'");
            lua.AppendLine("wrk.headers[\"Content-Type\"] = \"application/json\"");
        }

        lua.AppendLine("request = function() i = i + 1 return wrk.format(nil, paths[(i % #paths) + 1]) end");
        await File.WriteAllTextAsync(script, lua.ToString());
        try
        {
            // Three seconds to warm up (tiered compilation done, connections open: a fresh instance is far slower in its first seconds), then the measured run.
            Run("wrk", FormattableString.Invariant($"-t2 -c{Connections} -d3s -s {script} {address}"));
            var before = await StatsAsync(servers);
            var text = Run("wrk", FormattableString.Invariant($"-t2 -c{Connections} -d{(int)duration.TotalSeconds}s --latency -s {script} {address}"));
            var after = await StatsAsync(servers);
            var perSecond = double.Parse(RequestsPerSecond().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
            var notOk = NotOk().Match(text) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            var requests = after.Requests - before.Requests;
            return new Wrk(perSecond, Percentile(text, "50%"), Percentile(text, "99%"), notOk, requests == 0 ? 0 : (after.Statements - before.Statements) / (double)requests);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static double Percentile(string wrk, string which)
    {
        var match = Regex.Match(wrk, $@"^\s*{Regex.Escape(which)}\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static async Task<(long Requests, long Statements)> StatsAsync(IReadOnlyList<Instance> servers)
    {
        long requests = 0, statements = 0;
        foreach (var server in servers)
        {
            using var client = new HttpClient();
            client.DefaultRequestHeaders.Host = PublicHost;
            var parts = (await client.GetStringAsync(new Uri(server.Address, ScaleHost.StatsPath))).Split(' ');
            requests += long.Parse(parts[0], CultureInfo.InvariantCulture);
            statements += long.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        return (requests, statements);
    }

    private static async Task<string> SignInAsync(Uri address, string email)
    {
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = address };
        browser.DefaultRequestHeaders.Host = PublicHost;
        var form = await browser.GetStringAsync("/Identity/Account/Login");
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = ScaleSeed.Password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await browser.PostAsync("/Identity/Account/Login", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in {email} answered {(int)response.StatusCode}, not a redirect.");
        }

        return string.Join("; ", cookies.GetAllCookies().Select(c => $"{c.Name}={c.Value}"));
    }

    private static AppDbContext Open(string provider, string connection)
    {
        var interceptor = new StampOwnedEntitiesInterceptor(TimeProvider.System);
        return provider == "PostgreSQL"
            ? new PostgreSqlDbContext(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql(connection).AddInterceptors(interceptor).Options)
            : new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(connection).AddInterceptors(interceptor).Options);
    }

    /// <summary>What the app's periodic statistics pass (SQLite) or autovacuum (PostgreSQL) would have done by now.</summary>
    private static async Task AnalyseAsync(string provider, string connection)
    {
        await using var db = Open(provider, connection);
        await db.Database.ExecuteSqlRawAsync(provider == "PostgreSQL" ? "ANALYZE" : "PRAGMA optimize=0x10002");
    }

    private static async Task<string> SizeAsync(string provider, string connection)
    {
        await using var db = Open(provider, connection);
        var counts = FormattableString.Invariant($"{await db.Users.CountAsync():N0} accounts, {await db.Goals.CountAsync():N0} goals, {await db.Milestones.CountAsync():N0} milestones, {await db.ReflectionSteps.CountAsync():N0} reflection steps, {await db.Reviews.CountAsync():N0} reviews, {await db.CounsellorGrants.CountAsync():N0} grants");
        return counts;
    }

    private static async Task<string> CreatePostgresDatabaseAsync(string admin)
    {
        var name = "scale_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
#pragma warning disable CA2100 // a name this method made
            create.CommandText = $"CREATE DATABASE \"{name}\"";
#pragma warning restore CA2100
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString();
    }

    internal static string Run(string file, string arguments, bool check = true)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"Couldn't start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result + stderr.Result;
    }

    internal static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex NotOk();

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"")]
    private static partial Regex Token();
}
