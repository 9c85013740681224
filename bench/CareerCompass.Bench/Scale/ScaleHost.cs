using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Bench.Scale;

/// <summary>
/// One app instance for the scale benchmark, in a process of its own (<c>scale-serve</c>): the real app (its
/// <c>Program</c>, Production settings) on Kestrel on the given loopback port, on the given database, plus the floor —
/// bare pages that authenticate the same cookie and read the same rows as the measured page in one or two queries,
/// then write a minimal list — and <c>/bench/stats</c> (requests and SQL statements so far, for statements per
/// request). Stops when its standard input closes.
/// </summary>
internal static class ScaleHost
{
    public const string StatsPath = "/bench/stats";

    /// <summary>Where the instance's memory is (the managed heap and its collections), for the memory line.</summary>
    public const string MemoryPath = "/bench/memory";

    public static async Task<int> RunAsync(string[] args)
    {
        // As the app's own process does at start-up (Program skips it in any other process, this one included).
        MallocArenas.Limit(MallocArenas.ForServer, Environment.GetEnvironmentVariable);
        var options = Options.Parse(args);
        using var host = new Host(options);
        host.UseKestrel(options.Port);
        host.StartServer();
        Console.WriteLine("ready");
        await Console.In.ReadToEndAsync();
        return 0;
    }

    private sealed record Options(string Provider, string Connection, int Port, string Folder, string PublicUrl)
    {
        public static Options Parse(string[] args)
        {
            string Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()
                ?? throw new ArgumentException($"scale-serve needs {name}.");
            return new Options(Value("--provider"), Value("--connection"), int.Parse(Value("--port"), CultureInfo.InvariantCulture), Value("--data"), Value("--public"));
        }
    }

    /// <summary>The app's SQL statements (the benchmarks' one counter) and every request this instance served.</summary>
    private sealed class Counter
    {
        private long _requests;

        public HttpBench.StatementCounter Statements { get; } = new();

        public long Requests => Interlocked.Read(ref _requests);

        public void Request() => Interlocked.Increment(ref _requests);
    }

    // Any type of the app's assembly names its entry point (this project has a Program of its own).
    private sealed class Host(Options options) : WebApplicationFactory<AppDbContext>
    {
        private readonly Counter _counter = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Directory.CreateDirectory(options.Folder);
            builder.UseEnvironment("Production");
            builder.UseSetting("DataRoot", options.Folder);
            builder.UseSetting("Database:Provider", options.Provider);
            builder.UseSetting("ConnectionStrings:CareerCompass", options.Connection);
            builder.UseSetting("Email:Transport", "Pickup");
            builder.UseSetting("Email:PickupDirectory", Path.Combine(options.Folder, "mail"));
            builder.UseSetting("DataProtection:KeysDirectory", Path.Combine(options.Folder, "keys"));
            builder.UseSetting("App:PublicBaseUrl", options.PublicUrl);
            builder.UseSetting("ForwardedHeaders:KnownProxies", "127.0.0.1");
            builder.UseSetting("Reminders:Enabled", "false");
            builder.UseSetting("RateLimits:SmartCheckPerMinute", "100000000");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<IInterceptor>(_counter.Statements);
                services.AddSingleton(_counter);
                services.AddSingleton<IStartupFilter, BarePages>();
            });
        }
    }

    private sealed class BarePages(Counter counter) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                var path = context.Request.Path.Value ?? string.Empty;
                if (path == StatsPath)
                {
                    await context.Response.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"{counter.Requests} {counter.Statements.Count}"));
                    return;
                }

                if (path == MemoryPath)
                {
                    // Where an instance's memory is: the managed heap (at the last GC). SQLite's own allocations are
                    // no longer counted (the app turns SQLite's memory statistics off; they were at most 7 MB when on).
                    var gc = GC.GetGCMemoryInfo();
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"managed heap {gc.HeapSizeBytes / 1048576.0:0} MB (committed {gc.TotalCommittedBytes / 1048576.0:0} MB, {GC.CollectionCount(0)} gen0 / {GC.CollectionCount(2)} gen2 GCs)");
                    await context.Response.WriteAsync(line);
                    return;
                }

                counter.Request();
                if (path.StartsWith("/bench/bare/", StringComparison.Ordinal))
                {
                    await BareAsync(context, path["/bench/bare/".Length..]);
                    return;
                }

                await following(context);
            });
            next(app);
        };
    }

    private static async Task BareAsync(HttpContext context, string page)
    {
        if (page == "smart-check")
        {
            // The floor of the JSON API: read the body, answer a fixed verdict.
            using var reader = new StreamReader(context.Request.Body);
            _ = await reader.ReadToEndAsync();
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"specific":true,"measurable":true,"achievable":false,"relevant":true,"timeBound":true}""");
            return;
        }

        var user = await context.AuthenticateAsync();
        var id = user.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!user.Succeeded || id is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><title>Bare</title><ul>");
        switch (page)
        {
            case "dashboard":
                // The goals with their milestones, one query.
                foreach (var row in await (from g in db.Goals.AsNoTracking()
                                           where g.OwnerId == id
                                           join m in db.Milestones.AsNoTracking() on g.Id equals m.GoalId into ms
                                           from m in ms.DefaultIfEmpty()
                                           orderby g.Id, m!.Order
                                           select new { g.Id, g.Statement, Title = (string?)m!.Title, Due = (DateOnly?)m.DueOn }).ToListAsync())
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/Goals/{row.Id}\">{WebUtility.HtmlEncode(row.Statement)}</a> {WebUtility.HtmlEncode(row.Title)} {row.Due}</li>");
                }

                break;
            case "goal":
                // One goal, its milestones, then its plan lines: two queries.
                var goalId = int.Parse(context.Request.Query["id"].ToString(), CultureInfo.InvariantCulture);
                foreach (var row in await (from g in db.Goals.AsNoTracking()
                                           where g.OwnerId == id && g.Id == goalId
                                           join m in db.Milestones.AsNoTracking() on g.Id equals m.GoalId into ms
                                           from m in ms.DefaultIfEmpty()
                                           orderby m!.Order
                                           select new { g.Statement, Title = (string?)m!.Title, Due = (DateOnly?)m.DueOn }).ToListAsync())
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{WebUtility.HtmlEncode(row.Statement)}: {WebUtility.HtmlEncode(row.Title)} {row.Due}</li>");
                }

                foreach (var item in await db.PlanItems.AsNoTracking().Where(p => p.OwnerId == id && p.GoalId == goalId).Select(p => p.Text).ToListAsync())
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li>{WebUtility.HtmlEncode(item)}</li>");
                }

                break;
            case "caseload":
                // The counsellor's accepted clients, one query.
                foreach (var row in await (from grant in db.CounsellorGrants.AsNoTracking()
                                           where grant.CounsellorId == id && grant.AcceptedAtUtc != null && grant.RevokedAtUtc == null
                                           join person in db.Users.AsNoTracking() on grant.OwnerId equals person.Id
                                           orderby person.Email
                                           select new { grant.Id, person.Email }).ToListAsync())
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/Counsellor/Clients/{row.Id}\">{WebUtility.HtmlEncode(row.Email)}</a></li>");
                }

                break;
            case "search":
                // The 20 occupations a search shows, by key, one query.
                var codes = context.Request.Query["code"].Select(c => c ?? string.Empty).ToList();
                foreach (var row in await db.Occupations.AsNoTracking().Where(o => codes.Contains(o.Code)).OrderBy(o => o.Title)
                    .Select(o => new { o.Code, o.Title, o.JobZone }).ToListAsync())
                {
                    html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/Reflection/Occupations/{WebUtility.HtmlEncode(row.Code)}\">{WebUtility.HtmlEncode(row.Title)}</a> {row.JobZone}</li>");
                }

                break;
            default:
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
        }

        html.Append("</ul></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString());
    }
}
