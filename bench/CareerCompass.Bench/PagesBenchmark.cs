using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static CareerCompass.Bench.HttpBench;

namespace CareerCompass.Bench;

/// <summary>
/// The heavy dashboard and a goal page over HTTP, each against a bare page that reads the same rows (the floor). One
/// signed-in person with 20 active goals × 10 milestones (one milestone of each goal overdue, a third done), a few
/// plan items per goal and a filled-in reflection the goals link to. 32 connections; the sides take turns, several
/// rounds, so a change in the machine's load falls on all of them. Prints requests/s and its ratio to the bare page,
/// CPU per request and its ratio, p50/p95/p99, SQL statements per request, the process's peak working set and the
/// load average.
/// </summary>
internal static class PagesBenchmark
{
    private const string BareDashboard = "/bench/bare-dashboard";
    private const string BareGoal = "/bench/bare-goal";
    private const int Goals = 20;
    private const int MilestonesEach = 10;

    public static async Task RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
        var duration = TimeSpan.FromSeconds(seconds);
        var statements = new StatementCounter();
        using var host = new Host(
            new Dictionary<string, RequestDelegate> { [BareDashboard] = BareDashboardAsync, [BareGoal] = BareGoalAsync },
            services =>
            {
                services.AddSingleton<IInterceptor>(statements);
                services.Configure<MvcOptions>(o => o.Filters.Add(Stages));
            });
        host.UseKestrel(0);
        host.StartServer();
        var address = AddressOf(host);
        Console.WriteLine($"the app on Kestrel at {address}, {Connections} connections, {rounds} rounds of {seconds} s per side, load average before: {LoadAverage()}");

        var cookie = await SignInAsync(host, address);
        var goalId = await SeedAsync(host);
        using var client = Client(address, cookie, out var handler);
        using var ownHandler = handler;
        var dashboard = await CheckAsync(client, "/", "Your dashboard");
        var goal = await CheckAsync(client, $"/Goals/{goalId}", "Milestones");
        await CheckAsync(client, BareDashboard, "<li>");
        await CheckAsync(client, $"{BareGoal}/{goalId}", "<li>");
        Console.WriteLine($"page sizes: dashboard {dashboard.Length:N0} characters, goal page {goal.Length:N0}");
        if (Environment.GetEnvironmentVariable("BENCH_PAGES_DUMP") is { Length: > 0 } folder)
        {
            // To see what the pages render: BENCH_PAGES_DUMP=/tmp/pages writes both pages there.
            Directory.CreateDirectory(folder);
            await File.WriteAllTextAsync(Path.Combine(folder, "dashboard.html"), dashboard);
            await File.WriteAllTextAsync(Path.Combine(folder, "goal.html"), goal);
        }

        var sides = new (string Name, string Path)[]
        {
            ("bare dashboard (2 queries)", BareDashboard),
            ("dashboard /", "/"),
            ("bare goal (2 queries)", $"{BareGoal}/{goalId}"),
            ($"goal page /Goals/{goalId}", $"/Goals/{goalId}"),
            ("bare dashboard (2 queries)", BareDashboard),
            ("static page /Privacy (app's floor)", "/Privacy"),
        };

        if (Environment.GetEnvironmentVariable("BENCH_PAGES_ONLY") is { Length: > 0 } only)
        {
            // For a profiler: BENCH_PAGES_ONLY=/ (or the goal page's path) loads that one page for the whole time.
            Console.WriteLine($"loading {only} alone, pid {Environment.ProcessId}");
            await LoadAsync(client, _ => only, duration * rounds);
            return;
        }

        // Every side until the JIT is quiet, so the rounds measure optimised code with its connections open.
        await WarmUpAsync(client, sides.Select(side => (Func<int, string>)(_ => side.Path)).ToList());

        Stages.Reset();
        var results = sides.Select(_ => new List<Result>()).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var side = 0; side < sides.Length; side++)
            {
                results[side].Add(await LoadAsync(client, _ => sides[side].Path, duration, statements));
            }
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"load average after: {LoadAverage()}; peak working set {process.PeakWorkingSet64 / (1024 * 1024):N0} MiB");
        Console.WriteLine($"side                           | req/s ({rounds}×{seconds} s) | ratio | CPU ms/req | CPU ratio | p50 ms | p95 ms | p99 ms | SQL/req | not 200");
        // The bare dashboard runs twice a round, the second time beside the app's own floor (a page of the app with
        // no reads: its middleware, sign-in check, layout) — how much of a page's cost is the app's before the page's own.
        for (var side = 0; side < sides.Length; side += 2)
        {
            var bare = Result.Of(results[side]);
            Print(sides[side].Name, bare, bare);
            Print(sides[side + 1].Name, Result.Of(results[side + 1]), bare);
        }

        Console.WriteLine("where a page's time goes:");
        Stages.Print();
    }

    /// <summary>Where a page's time goes: its handler (the queries and what it works out) and its rendering (Razor, components, writing).</summary>
    private static readonly StageTimer Stages = new();

    private sealed class StageTimer : IAsyncPageFilter, IAsyncResultFilter
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long[]> _ticks = new();

        public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

        public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
        {
            var start = Stopwatch.GetTimestamp();
            await next();
            Add(context.HttpContext, 0, Stopwatch.GetTimestamp() - start);
        }

        public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
        {
            var start = Stopwatch.GetTimestamp();
            await next();
            Add(context.HttpContext, 1, Stopwatch.GetTimestamp() - start);
        }

        private void Add(HttpContext context, int stage, long ticks)
        {
            var page = context.Request.Path.Value!.StartsWith("/Goals/", StringComparison.Ordinal) ? "goal page" : context.Request.Path.Value;
            var entry = _ticks.GetOrAdd(page, _ => new long[3]);
            Interlocked.Add(ref entry[stage], ticks);
            if (stage == 1)
            {
                Interlocked.Increment(ref entry[2]);
            }
        }

        public void Reset() => _ticks.Clear();

        public void Print()
        {
            foreach (var (page, entry) in _ticks)
            {
                var n = Math.Max(1, entry[2]);
                Console.WriteLine(FormattableString.Invariant(
                    $"  {page}: handler {Stopwatch.GetElapsedTime(0, entry[0]).TotalMilliseconds / n:0.00} ms, rendering {Stopwatch.GetElapsedTime(0, entry[1]).TotalMilliseconds / n:0.00} ms per request (wall clock under load, {n:N0} requests)"));
            }
        }
    }

    private static void Print(string side, Result result, Result bare) =>
        Console.WriteLine(FormattableString.Invariant(
            $"{side,-30} | {result.PerSecond,14:N0} | {result.PerSecond / bare.PerSecond,5:0.00} | {result.CpuPerRequest,10:0.00} | {result.CpuPerRequest / bare.CpuPerRequest,9:0.00} | {result.P50,6:0.0} | {result.P95,6:0.0} | {result.P99,6:0.0} | {result.StatementsPerRequest,7:0.0} | {result.Failed,7}"));

    /// <summary>The benchmark person's goals, milestones, plan and reflection, through the domain as the app writes them; returns the last goal's id.</summary>
    private static async Task<int> SeedAsync(Host host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var owner = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("bench@example.org"))!.Id;
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var values = ReflectionStep.Start(owner, ReflectionStepKind.Values);
        var chosen = values.Save(new ValuesAnswers { Chosen = WorkValues.Catalogue.Take(8).Select(v => new ChosenValue { Key = v.Key }).ToList() }, complete: true, now);
        var interests = ReflectionStep.Start(owner, ReflectionStepKind.Interests);
        var items = interests.Save(new InterestsAnswers
        {
            Energizers = "Solving puzzles with people, explaining things, seeing a plan come together.",
            Items = Enumerable.Range(1, 8).Select(i => new InterestItem { Text = $"Interest number {i}: mentoring, data, gardening", Energy = 1 + (i % 5) }).ToList(),
        }, complete: true, now);
        var strengths = ReflectionStep.Start(owner, ReflectionStepKind.Strengths);
        strengths.Save(new StrengthsAnswers
        {
            Skills = Enumerable.Range(1, 10).Select(i => new SkillItem { Name = $"Skill {i}", Kind = (SkillKind)(i % 3), Rating = 1 + (i % 5), Evidence = "Led the team's move to a new tool last spring." }).ToList(),
        }, complete: true, now);
        db.ReflectionSteps.AddRange(values, interests, strengths);

        var goals = new List<Goal>();
        for (var g = 0; g < Goals; g++)
        {
            var goal = Goal.Create(owner, new GoalDetails(
                $"Goal {g + 1}: finish {g + 2} online courses in data analysis and use them in a real project at work",
                GoalHorizon.ShortTerm, Measure: "courses finished", Target: $"{g + 2}", Deadline: today.AddDays(200 + g), Confidence: 7,
                Skills: ["SQL", "Spreadsheets", "Presenting"],
                Links: [new ReflectionLink(ReflectionStepKind.Values, chosen.Chosen[g % 8].Id.ToString()), new ReflectionLink(ReflectionStepKind.Interests, items.Items[g % 8].Id.ToString())]),
                today.AddDays(-30));
            goal.Activate(today, anyway: true, now);
            db.Goals.Add(goal);
            goals.Add(goal);
        }

        await db.SaveChangesAsync();
        foreach (var goal in goals)
        {
            // The first due 20 days ago (done), the second 5 days ago (overdue), the rest every 15 days from 10 days on.
            for (var m = 0; m < MilestonesEach; m++)
            {
                goal.AddMilestone($"Step {m + 1}: module {m + 1} of the course, with its exercises", today.AddDays(-20 + (15 * m)), m % 4 == 0 ? "Ask Priya about the exercises." : null);
            }

            goal.AddPlanItem(PlanItemKind.Skill, "Practise SQL joins", "Twenty minutes a day", null);
            goal.AddPlanItem(PlanItemKind.Obstacle, "Evenings are busy", "Study on the train instead", null);
            goal.AddPlanItem(PlanItemKind.Resource, "Data analysis course", "https://example.org/course", null);
        }

        await db.SaveChangesAsync();
        foreach (var goal in goals)
        {
            foreach (var milestone in goal.OrderedMilestones.Where((_, m) => m % 3 == 0))
            {
                goal.SetMilestoneStatus(milestone.Id, MilestoneStatus.Done, today, milestone.Version);
            }
        }

        await db.SaveChangesAsync();
        return goals[^1].Id;
    }

    private static async Task<string?> OwnerAsync(HttpContext context)
    {
        var user = await context.AuthenticateAsync();
        if (!user.Succeeded)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return null;
        }

        return user.Principal!.FindFirstValue(ClaimTypes.NameIdentifier);
    }

    private static async Task WriteAsync(HttpContext context, StringBuilder html)
    {
        html.Append("</ul></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString());
    }

    /// <summary>The floor for the dashboard: authenticate, read the person's goals and milestones (two queries), list them.</summary>
    private static async Task BareDashboardAsync(HttpContext context)
    {
        if (await OwnerAsync(context) is not { } owner)
        {
            return;
        }

        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var goals = await db.Goals.AsNoTracking().Where(g => g.OwnerId == owner).Select(g => new { g.Id, g.Statement, g.Deadline }).ToListAsync();
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.OwnerId == owner).Select(m => new { m.GoalId, m.Title, m.DueOn, m.Status }).ToListAsync();
        var byGoal = milestones.ToLookup(m => m.GoalId);
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><title>Dashboard</title><ul>");
        foreach (var goal in goals)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"/Goals/{goal.Id}\">{WebUtility.HtmlEncode(goal.Statement)}</a> {goal.Deadline}<ul>");
            foreach (var m in byGoal[goal.Id])
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{WebUtility.HtmlEncode(m.Title)} {m.DueOn} {m.Status}</li>");
            }

            html.Append("</ul></li>");
        }

        await WriteAsync(context, html);
    }

    /// <summary>The floor for a goal page: authenticate, read the goal and its milestones (two queries), list them.</summary>
    private static async Task BareGoalAsync(HttpContext context)
    {
        if (await OwnerAsync(context) is not { } owner)
        {
            return;
        }

        var id = int.Parse(context.Request.Path.Value!.AsSpan(BareGoal.Length + 1), CultureInfo.InvariantCulture);
        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var goal = await db.Goals.AsNoTracking().Where(g => g.Id == id && g.OwnerId == owner).Select(g => new { g.Id, g.Statement, g.Deadline }).FirstOrDefaultAsync();
        if (goal is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var milestones = await db.Milestones.AsNoTracking().Where(m => m.GoalId == id && m.OwnerId == owner).OrderBy(m => m.Order)
            .Select(m => new { m.Title, m.DueOn, m.Status }).ToListAsync();
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><title>");
        html.Append(WebUtility.HtmlEncode(goal.Statement)).Append("</title><h1>").Append(WebUtility.HtmlEncode(goal.Statement)).Append("</h1><ul>");
        foreach (var m in milestones)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{WebUtility.HtmlEncode(m.Title)} {m.DueOn} {m.Status}</li>");
        }

        await WriteAsync(context, html);
    }
}
