using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>
/// SQLite's planner needs statistics (<c>sqlite_stat1</c>): start-up and a background service every few hours run
/// <c>PRAGMA optimize=0x10002</c>, so the goal page's plan-item query keeps to the goal's index rather than the owner's.
/// </summary>
public sealed class QueryPlannerTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [SqliteOnlyFact]
    public async Task After_start_up_the_goal_tables_are_analysed_and_the_plan_item_query_uses_the_goal_index()
    {
        using var first = new CareerCompassFactory();
        var (browser, email) = await first.NewSignedInPersonAsync();
        browser.Dispose();
        var owner = await first.UserIdAsync(email);
        var goalId = await SeedAsync(first, owner, goals: 12, itemsEach: 8);
        var sql = await first.ReadAsync(db => Task.FromResult(db.PlanItems.Where(p => p.GoalId == goalId && p.OwnerId == owner).ToQueryString()));
        output.WriteLine(sql);
        // Recorded, not asserted: on this schema SQLite's guess without statistics happens to be the goal index too.
        output.WriteLine("Before: " + Plan(first.DatabasePath, sql));

        // Forget what the first start (or the template database it was copied from) recorded, so that only the
        // restart can bring statistics back.
        ClearStats(first.DatabasePath);
        Assert.Empty(Stats(first.DatabasePath));

        // A restart on the database that now holds the rows: start-up analyses what has never been analysed.
        using var restarted = new CareerCompassFactory();
        restarted.Settings["ConnectionStrings:CareerCompass"] = $"Data Source={first.DatabasePath}";
        _ = restarted.Server;

        var stats = Stats(first.DatabasePath);
        output.WriteLine(string.Join("\n", stats));
        // Counted on the filled tables: 12 × 8 plan lines, in groups of 8 per goal.
        Assert.Contains("GoalPlanItems IX_GoalPlanItems_GoalId 96 8", stats);
        Assert.Contains(stats, s => s.StartsWith("Goals ", StringComparison.Ordinal));
        var after = Plan(first.DatabasePath, sql);
        output.WriteLine("After: " + after);
        Assert.Contains("INDEX IX_GoalPlanItems_GoalId", after, StringComparison.Ordinal);
    }

    [SqliteOnlyFact]
    public async Task The_periodic_optimize_analyses_tables_that_filled_up_while_running()
    {
        using var app = new CareerCompassFactory();
        app.Settings["Database:OptimizeInterval"] = "00:00:00.200";
        var (browser, email) = await app.NewSignedInPersonAsync();
        var owner = await app.UserIdAsync(email);
        var goalId = await SeedAsync(app, owner, goals: 12, itemsEach: 8);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.GetAsync($"/Goals/{goalId}")).Status);
        browser.Dispose();

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!Stats(app.DatabasePath).Any(s => s.StartsWith("GoalPlanItems IX_GoalPlanItems_GoalId ", StringComparison.Ordinal)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "PRAGMA optimize never analysed GoalPlanItems: " + string.Join("; ", Stats(app.DatabasePath)));
            await Task.Delay(100);
        }
    }

    private static async Task<int> SeedAsync(CareerCompassFactory app, string owner, int goals, int itemsEach)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var created = new List<Goal>();
        for (var g = 0; g < goals; g++)
        {
            var goal = Goal.Create(owner, new GoalDetails($"Goal number {g} — complete {g + 1} courses", GoalHorizon.ShortTerm, Deadline: today.AddMonths(11),
                Links: [new ReflectionLink(ReflectionStepKind.Values, Guid.NewGuid().ToString())]), today);
            db.Goals.Add(goal);
            created.Add(goal);
        }

        await db.SaveChangesAsync();
        foreach (var goal in created)
        {
            for (var i = 0; i < itemsEach; i++)
            {
                goal.AddPlanItem(PlanItemKind.Skill, $"Plan line {i} of goal {goal.Id}", null, null);
            }
        }

        await db.SaveChangesAsync();
        return created[goals / 2].Id;
    }

    private static void ClearStats(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM sqlite_stat1";
        command.ExecuteNonQuery();
    }

    private static List<string> Stats(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'";
        if ((long)exists.ExecuteScalar()! == 0)
        {
            return [];
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT tbl, idx, stat FROM sqlite_stat1 WHERE tbl IN ('Goals', 'GoalPlanItems') ORDER BY tbl, idx";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetString(0)} {(reader.IsDBNull(1) ? "-" : reader.GetString(1))} {(reader.IsDBNull(2) ? "-" : reader.GetString(2))}");
        }

        return rows;
    }

    /// <summary>EXPLAIN QUERY PLAN of EF's SQL (<c>ToQueryString</c>: <c>.param set</c> lines, then the statement).</summary>
    private static string Plan(string path, string queryString)
    {
        var lines = queryString.Split('\n');
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Trim().Split(' ', 2);
            var value = parts[1].Trim();
            command.Parameters.AddWithValue(parts[0], value.StartsWith('\'') ? value.Trim('\'') : long.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        }

        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join(" | ", plan);
    }
}
