using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Pages.Counsellor;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareerCompass.Bench;

/// <summary>
/// The counsellor caseload (<see cref="Caseload.LoadAsync"/>, what /Counsellor runs, then its default order) on one
/// SQLite file built by the app's migrations: three counsellors with 10, 100 and 1,000 clients among 5,000 other
/// people who share with nobody; every person has a review schedule, three goals (two active, one paused) with eight
/// milestones and two plan lines each, and four comments, half of their threads read. Prints, per caseload, the
/// median, 95th percentile and slowest load over N runs (a fresh context each, as a request has) and the SQL
/// statements one load runs.
/// </summary>
internal static class CaseloadBenchmark
{
    private const string CounsellorRoleId = "b6a8a7f0-0d5e-4c1c-9a53-2f3f1c1d0002";

    private static readonly int[] Caseloads = [10, 100, 1_000];

    private const int Others = 5_000;

    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        var folder = Path.Combine(Path.GetTempPath(), "careercompass-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clock = new FixedClock { Now = Now };
        var counter = new StatementCounter();
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "caseload.db"), ForeignKeys = true }.ToString())
            .AddInterceptors(new StampOwnedEntitiesInterceptor(clock), counter)
            .Options;
        try
        {
            await using (var setup = new AppDbContext(options))
            {
                await setup.Database.MigrateAsync();
                await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }

            var seeding = Stopwatch.StartNew();
            var counsellors = new List<(string Id, int Clients)>();
            foreach (var size in Caseloads)
            {
                counsellors.Add((await SeedCounsellorAsync(options, clock, size), size));
            }

            await SeedClientsAsync(options, clock, null, Others, 0);
            await using (var db = new AppDbContext(options))
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"seeding: {seeding.Elapsed.TotalSeconds:0.0} s ({await db.Users.CountAsync():N0} people, {await db.Goals.CountAsync():N0} goals, {await db.Milestones.CountAsync():N0} milestones, {await db.PlanItems.CountAsync():N0} plan lines, {await db.Comments.CountAsync():N0} comments, {await db.CommentReads.CountAsync():N0} read marks)"));
            }

            var today = DateOnly.FromDateTime(Now.UtcDateTime);
            Console.WriteLine($"caseload load + default order, {runs} runs each after one warm-up (ms): clients | rows | p50 | p95 | max | SQL statements per load");
            foreach (var (id, size) in counsellors)
            {
                var times = new List<double>(runs);
                var rows = 0;
                var statements = 0;
                for (var i = -1; i < runs; i++)
                {
                    await using var db = new AppDbContext(options);
                    counter.Reset();
                    var watch = Stopwatch.StartNew();
                    var loaded = await Caseload.LoadAsync(db, id, today, TimeZoneInfo.Utc);
                    rows = Caseload.Order(loaded, CaseloadSort.Review).Count();
                    if (i >= 0)
                    {
                        times.Add(watch.Elapsed.TotalMilliseconds);
                    }

                    statements = counter.Count;
                }

                times.Sort();
                Console.WriteLine(FormattableString.Invariant(
                    $"{size,7:N0} | {rows,5:N0} | {times[runs / 2],6:0.00} | {times[Math.Max(0, (int)(runs * 0.95) - 1)],6:0.00} | {times[^1],6:0.00} | {statements}"));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> SeedCounsellorAsync(DbContextOptions<AppDbContext> options, FixedClock clock, int clients)
    {
        var counsellor = Person($"counsellor-{clients}@example.org");
        await using (var db = new AppDbContext(options))
        {
            db.Users.Add(counsellor);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = counsellor.Id, RoleId = CounsellorRoleId });
            await db.SaveChangesAsync();
        }

        await SeedClientsAsync(options, clock, counsellor, clients, clients);
        return counsellor.Id;
    }

    /// <summary>People in batches of 100 (a fresh context each), each batch stamped a different number of days ago.</summary>
    private static async Task SeedClientsAsync(DbContextOptions<AppDbContext> options, FixedClock clock, AppUser? counsellor, int count, int tag)
    {
        for (var start = 0; start < count; start += 100)
        {
            clock.Now = Now.AddDays(-(start / 100 * 7 % 200));
            var today = DateOnly.FromDateTime(clock.Now.UtcDateTime);
            await using var db = new AppDbContext(options);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var goals = new List<Goal>();
            for (var i = start; i < Math.Min(count, start + 100); i++)
            {
                var client = Person($"client-{tag}-{i}@example.org");
                db.Users.Add(client);
                db.ReviewSchedules.Add(ReviewSchedule.Start(client.Id, today.AddDays(-(i % 400))));
                if (counsellor is not null)
                {
                    var grant = CounsellorGrant.Invite(client.Id, client.Email!, counsellor.Email, SharingScope.Plan, [], clock.Now);
                    grant.Accept(counsellor.Id, counsellor.Email, clock.Now);
                    db.CounsellorGrants.Add(grant);
                }

                for (var g = 0; g < 3; g++)
                {
                    var goal = Goal.Create(client.Id, new GoalDetails($"Goal {g}: complete {g + 2} courses in data analysis", GoalHorizon.ShortTerm, Deadline: today.AddMonths(11)), today.AddDays(-60));
                    goal.Activate(today, anyway: true, clock.Now);
                    if (g == 2)
                    {
                        goal.Pause(clock.Now);
                    }

                    db.Goals.Add(goal);
                    goals.Add(goal);
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            var comments = new List<Comment>();
            foreach (var goal in goals)
            {
                for (var m = 0; m < 8; m++)
                {
                    goal.AddMilestone($"Step {m}", today.AddDays((m * 20) - 50), null);
                }

                goal.AddPlanItem(PlanItemKind.Skill, "Presenting", null, null);
                goal.AddPlanItem(PlanItemKind.Resource, "An online course", null, null);
                if (goal.Statement.StartsWith("Goal 0", StringComparison.Ordinal) || goal.Statement.StartsWith("Goal 1", StringComparison.Ordinal))
                {
                    var first = Comment.Write(goal.OwnerId, goal.OwnerId, CommentAuthorRole.Client, CommentTarget.Goal, goal.Id, "I've started!", clock.Now);
                    var second = Comment.Write(goal.OwnerId, goal.OwnerId, CommentAuthorRole.Client, CommentTarget.Goal, goal.Id, "Halfway there.", clock.Now);
                    db.Comments.AddRange(first, second);
                    comments.Add(second);
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            if (counsellor is not null)
            {
                db.CommentReads.AddRange(comments.Where((_, i) => i % 2 == 0).Select(c => CommentRead.Start(c.OwnerId, counsellor.Id, c.Target, c.TargetId, c.Id)));
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync();
            }
        }

        clock.Now = Now;
    }

    private static AppUser Person(string email) => new()
    {
        UserName = email,
        NormalizedUserName = email.ToUpperInvariant(),
        Email = email,
        NormalizedEmail = email.ToUpperInvariant(),
        EmailConfirmed = true,
    };

    private sealed class FixedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Counts the SQL commands EF sends (each of the caseload's is one statement).</summary>
    private sealed class StatementCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
