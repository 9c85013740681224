using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure;
using CareerCompass.Web.Infrastructure.Calendar;
using CareerCompass.Web.Infrastructure.Email;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Reviews;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareerCompass.Bench;

/// <summary>
/// The reminder dispatcher on a large database: N people bulk-inserted (raw SQL, one transaction) into a SQLite file
/// built by the app's migrations, each with a review schedule, its planned reminder rows and goals with milestones;
/// then passes of the real <see cref="ReminderPass"/> on a fake clock, with a mailer that only counts. Prints what
/// was due and sent, the wall time, people/s and messages/s, the SQL commands, memory, and the query plans of the
/// two queries that find what is due.
/// </summary>
internal static partial class ReminderBenchmark
{
    private static readonly string[] Zones =
    [
        "UTC", "Europe/London", "America/New_York", "Pacific/Auckland", "Asia/Kathmandu", "America/St_Johns",
        "Pacific/Kiritimati", "Pacific/Pago_Pago", "Australia/Lord_Howe", "America/Santiago", "Asia/Tokyo", "Europe/Berlin",
    ];

    private static readonly int[] Leads = [1, 3, 7, 14, 30];

    /// <summary>The benchmark's first Monday; the week after is measured too (Monday D+7 and Wednesday D+9).</summary>
    private static readonly DateOnly Monday = new(2027, 3, 1);

    private static readonly DateTimeOffset DayStart = new(Monday.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Rows due before this are seeded as already sent (earlier passes sent them).</summary>
    private static readonly DateTimeOffset SeededUntil = DayStart.AddDays(-1);

    public static async Task RunAsync(string[] args)
    {
        var people = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var small = people / 10;
        var folder = Path.Combine(Path.GetTempPath(), "careercompass-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Console.WriteLine($"reminder dispatcher benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite {SqliteVersion()}, {RuntimeDescription()}");
        Console.WriteLine("mailer: counts messages and does nothing else (no SMTP, no files): the dispatcher is measured, not mail delivery");
        Console.WriteLine(FormattableString.Invariant($"days: Monday {Monday:yyyy-MM-dd} hour by hour, then Monday {Monday.AddDays(7):yyyy-MM-dd} and Wednesday {Monday.AddDays(9):yyyy-MM-dd} each in one pass at the end of the UTC day"));
        try
        {
            var main = await RunDatabaseAsync(folder, "spread", people, quietFrom: people, hourly: true, plans: true);
            var tenth = await RunDatabaseAsync(folder, "spread-small", small, quietFrom: small, hourly: false, plans: false);
            var sameDue = await RunDatabaseAsync(folder, "same-due", people, quietFrom: small, hourly: false, plans: false);

            Console.WriteLine();
            Console.WriteLine("cost against size (one pass for the whole UTC day):");
            Console.WriteLine("database                                    | pass     | people  | messages | pass s | msg/s  | people/s   | SQL cmds | alloc MB");
            foreach (var (name, run) in new[]
            {
                ($"{small:N0} people, spread over the year", tenth),
                ($"{people:N0} people, spread (same fraction due)", main),
                ($"{people:N0} people, same due as {small:N0}", sameDue),
            })
            {
                foreach (var pass in new[] { run.Monday, run.Wednesday, run.Idle })
                {
                    Console.WriteLine(FormattableString.Invariant(
                        $"{name,-43} | {pass.Day,-8} | {pass.People,7:N0} | {pass.Messages,8:N0} | {pass.Seconds,6:0.00} | {pass.MessagesPerSecond,6:N0} | {pass.PeoplePerSecond,10:N0} | {pass.Commands,8:N0} | {pass.AllocatedMb,8:N0}"));
                }
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<DatabaseRun> RunDatabaseAsync(string folder, string name, int people, int quietFrom, bool hourly, bool plans)
    {
        var path = Path.Combine(folder, $"{name}.db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, ForeignKeys = true, DefaultTimeout = 30 }.ToString();
        var clock = new BenchClock { Now = SeededUntil };
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(new StampOwnedEntitiesInterceptor(clock), counter)
            .Options;
        await using (var setup = new AppDbContext(options))
        {
            await setup.Database.MigrateAsync();
            await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        Console.WriteLine();
        var quiet = people - quietFrom;
        Console.WriteLine(quiet == 0
            ? $"database '{name}': {people:N0} people, review dates and milestones spread over the year"
            : $"database '{name}': {people:N0} people, {quietFrom:N0} spread over the year as above, {quiet:N0} with nothing due in the measured weeks");
        var seeded = Seed(connectionString, people, quietFrom);
        Console.WriteLine(FormattableString.Invariant(
            $"seeding: {seeded.Seconds:0.0} s ({seeded.People:N0} people, {seeded.Schedules:N0} schedules, {seeded.Reminders:N0} reminder rows ({seeded.SentBefore:N0} already sent), {seeded.Goals:N0} active goals, {seeded.Milestones:N0} milestones; {new FileInfo(path).Length / 1048576.0 + WalSize(path):N0} MB)"));

        var mailer = new CountingMailer();
        var run = new Runner(options, connectionString, clock, counter, mailer, people);

        // The dispatcher has been running: everything due before the measured day has gone (not timed).
        await run.PassAsync(DayStart, "catch-up before the day", print: false);
        if (hourly)
        {
            Console.WriteLine("hour-by-hour passes across the UTC day (as a dispatcher running every hour would):");
            Console.WriteLine(PassFigures.Header);
            var passes = new List<PassFigures>();
            for (var hour = 1; hour <= 24; hour++)
            {
                passes.Add(await run.PassAsync(DayStart.AddHours(hour), FormattableString.Invariant($"Mon {hour:D2}:00"), print: true));
            }

            Console.WriteLine(FormattableString.Invariant(
                $"24 hourly passes: {passes.Sum(p => p.Messages):N0} messages, {passes.Sum(p => p.DigestsPlanned):N0} digests planned, {passes.Sum(p => p.Seconds):0.00} s in all, slowest {passes.Max(p => p.Seconds):0.00} s, {passes.Sum(p => p.Commands):N0} SQL commands"));
        }
        else
        {
            for (var hour = 1; hour <= 24; hour++)
            {
                await run.PassAsync(DayStart.AddHours(hour), "hourly", print: false);
            }
        }

        Console.WriteLine("one pass for a whole UTC day (the dispatcher was down all day: the most one pass has to do):");
        Console.WriteLine(PassFigures.Header);
        await run.PassAsync(DayStart.AddDays(7), "catch-up", print: false);
        counter.Capture = plans;
        var monday = await run.PassAsync(DayStart.AddDays(8), "Mon", print: true);
        counter.Capture = false;
        await run.PassAsync(DayStart.AddDays(9), "catch-up", print: false);
        var wednesday = await run.PassAsync(DayStart.AddDays(10), "Wed", print: true);

        // Nothing left to send: what a pass costs anyway (the dispatcher runs one every minute).
        var idle = await run.PassAsync(DayStart.AddDays(10).AddMinutes(1), "Wed idle", print: true);
        if (plans)
        {
            await PrintPlansAsync(connectionString, counter.Captured);
        }

        return new DatabaseRun(monday, wednesday, idle);
    }

    private static double WalSize(string path) => File.Exists(path + "-wal") ? new FileInfo(path + "-wal").Length / 1048576.0 : 0;

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection.ServerVersion;
    }

    private static string RuntimeDescription() => System.Runtime.InteropServices.RuntimeInformation.OSDescription;

    /// <summary>
    /// EXPLAIN QUERY PLAN of the claim query and the digest-candidate query (the two that find what is due), with the
    /// parameters the pass used, and of the other statement shapes a pass runs. A SCAN of a table is called out.
    /// </summary>
    private static async Task PrintPlansAsync(string connectionString, IReadOnlyList<CapturedCommand> commands)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        Console.WriteLine();
        Console.WriteLine("query plans (EXPLAIN QUERY PLAN, with the parameters of the measured Monday pass):");
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in commands.OrderBy(c => Rank(c.Text)))
        {
            var shape = Shape(command.Text);
            if (!shown.Add(shape))
            {
                continue;
            }

            var label = Label(command.Text);
            Console.WriteLine();
            Console.WriteLine($"-- {label}");
            if (Rank(command.Text) < 2)
            {
                Console.WriteLine(command.Text);
            }
            else
            {
                Console.WriteLine(Collapse(command.Text).Split('\n')[0].Trim() + " …");
            }

            await using var explain = connection.CreateCommand();
#pragma warning disable CA2100 // the SQL is the app's own, captured from EF Core; only prefixed here
            explain.CommandText = "EXPLAIN QUERY PLAN " + command.Text;
#pragma warning restore CA2100
            foreach (var (parameter, value) in command.Parameters)
            {
                explain.Parameters.AddWithValue(parameter, value ?? DBNull.Value);
            }

            var scans = new List<string>();
            Console.WriteLine("plan:");
            await using var reader = await explain.ExecuteReaderAsync();
            var depth = new Dictionary<long, int> { [0] = 0 };
            while (await reader.ReadAsync())
            {
                var id = reader.GetInt64(0);
                var parent = reader.GetInt64(1);
                var detail = reader.GetString(3);
                var level = depth.GetValueOrDefault(parent) + 1;
                depth[id] = level;
                Console.WriteLine($"{new string(' ', level * 2)}{detail}");
                if (detail.StartsWith("SCAN ", StringComparison.Ordinal) && !detail.Contains("json_each", StringComparison.Ordinal) && !detail.StartsWith("SCAN CONSTANT", StringComparison.Ordinal))
                {
                    scans.Add(detail);
                }
            }

            Console.WriteLine(scans.Count == 0 ? "verdict: indexes only (no SCAN of a table)" : $"verdict: SCAN — {string.Join("; ", scans)}");
            if (Rank(command.Text) < 2)
            {
                // What the statement reads and returns, now that the measured passes are done (the same parameters).
                await using var rows = connection.CreateCommand();
#pragma warning disable CA2100 // as above
                rows.CommandText = "SELECT count(*) FROM (" + command.Text + ")";
#pragma warning restore CA2100
                foreach (var (parameter, value) in command.Parameters)
                {
                    rows.Parameters.AddWithValue(parameter, value ?? DBNull.Value);
                }

                var returned = Convert.ToInt64(await rows.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
                if (Rank(command.Text) == 0)
                {
                    await using var range = connection.CreateCommand();
                    range.CommandText = """SELECT count(*) FROM "Milestones" WHERE "DueOn" >= @earliest AND "DueOn" <= @latest""";
                    foreach (var name in new[] { "@earliest", "@latest" })
                    {
                        range.Parameters.AddWithValue(name, command.Parameters.Single(p => p.Name == name).Value);
                    }

                    Console.WriteLine(FormattableString.Invariant(
                        $"reads: {Convert.ToInt64(await range.ExecuteScalarAsync(), CultureInfo.InvariantCulture):N0} milestones in the DueOn range (each probed for NOT EXISTS); returns {returned:N0} rows once this week's digests are all planned"));
                }
                else
                {
                    Console.WriteLine(FormattableString.Invariant($"returns {returned:N0} rows once the day's reminders are sent"));
                }
            }
        }
    }

    private static int Rank(string sql) =>
        sql.Contains("NOT EXISTS", StringComparison.Ordinal) ? 0
        : sql.Contains("ORDER BY \"r\".\"SendAtUtc\"", StringComparison.Ordinal) ? 1
        : sql.StartsWith("SELECT", StringComparison.Ordinal) ? 2 : 3;

    private static string Label(string sql) => Rank(sql) switch
    {
        0 => "digest candidates (PlanDigestsAsync): milestones due around now, their goal, schedule and person, no digest row yet",
        1 => "claim (ClaimAsync): due, unleased pending reminders in time order",
        2 => "read",
        _ => "write",
    };

    /// <summary>The statement with its parameter lists collapsed, so the padded variants of one query count once.</summary>
    private static string Shape(string sql) => Collapse(ParameterName().Replace(sql, "@"));

    private static string Collapse(string sql) => ParameterList().Replace(sql, "@…");

    [GeneratedRegex(@"@\w+")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"@[\w…]*(?:, @[\w…]*)+")]
    private static partial Regex ParameterList();

    private static readonly string[] GoalWords = ["Move into UX research", "Lead a small team", "Finish the data course", "Switch to part-time", "Get a mentor"];

    /// <summary>
    /// Bulk insert in one transaction with prepared commands. Person <c>i</c> is the same in every database (its own
    /// seeded random), so the first <paramref name="quietFrom"/> people of a big database are exactly a small one;
    /// people from <paramref name="quietFrom"/> on have their reviews and milestones outside the measured weeks.
    /// </summary>
    private static SeedResult Seed(string connectionString, int people, int quietFrom)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var users = Prepare(connection, transaction, """
            INSERT INTO "AspNetUsers" ("Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "TimeZone")
            VALUES ($id, $email, $normal, $email, $normal, 1, $stamp, $concurrency, 0, 0, 1, 0, $zone)
            """, "$id", "$email", "$normal", "$stamp", "$concurrency", "$zone");
        using var schedules = Prepare(connection, transaction, """
            INSERT INTO "ReviewSchedules" ("Id", "Cadence", "StartedOn", "LastReviewedOn", "ReviewsCompleted", "RemindersPlanned", "NextReviewOn", "LeadDays", "RemindersOn", "DigestOn", "CalendarToken", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            VALUES ($id, $cadence, $started, $last, $completed, 1, $next, $lead, $remindersOn, $digestOn, $token, $owner, $version, $at, $at)
            """, "$id", "$cadence", "$started", "$last", "$completed", "$next", "$lead", "$remindersOn", "$digestOn", "$token", "$owner", "$version", "$at");
        using var reminders = Prepare(connection, transaction, """
            INSERT INTO "Reminders" ("Id", "PersonId", "Kind", "ForDate", "SendAtUtc", "State", "Attempts", "SentAtUtc")
            VALUES ($id, $person, $kind, $for, $sendAt, $state, $attempts, $sentAt)
            """, "$id", "$person", "$kind", "$for", "$sendAt", "$state", "$attempts", "$sentAt");
        using var goals = Prepare(connection, transaction, """
            INSERT INTO "Goals" ("Id", "Statement", "Horizon", "Skills", "Links", "Status", "StartedOn", "ActivatedAnyway", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            VALUES ($id, $statement, $horizon, '[]', '[]', 1, $started, 0, $owner, $version, $at, $at)
            """, "$id", "$statement", "$horizon", "$started", "$owner", "$version", "$at");
        using var milestones = Prepare(connection, transaction, """
            INSERT INTO "Milestones" ("Id", "GoalId", "Title", "DueOn", "Order", "Status", "CompletedOn", "OwnerId", "Version", "CreatedAtUtc", "UpdatedAtUtc")
            VALUES ($id, $goal, $title, $due, $order, $status, $completed, $owner, $version, $at, $at)
            """, "$id", "$goal", "$title", "$due", "$order", "$status", "$completed", "$owner", "$version", "$at");

        var result = new SeedResult { People = people };
        long reminderId = 0, goalId = 0, milestoneId = 0;
        var zones = Zones.Select(PersonTimeZone.FindOrUtc).ToArray();
        for (var i = 0; i < people; i++)
        {
            var random = new Random(i);
            var quiet = i >= quietFrom;
            var bytes = new byte[16];
            random.NextBytes(bytes);
            var id = new Guid(bytes).ToString();
            var email = FormattableString.Invariant($"person{i:D6}@example.org");
            var zone = zones[i % zones.Length];
            Run(users, id, email, email.ToUpperInvariant(), Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(), Zones[i % Zones.Length]);

            // A review every cadence; the next one spread evenly over the coming year (the quiet ones after the measured weeks).
            var cadence = random.Next(4) switch { 0 => ReviewCadence.Quarterly, 1 => ReviewCadence.HalfYearly, _ => ReviewCadence.Yearly };
            var next = quiet ? Monday.AddDays(45 + random.Next(300)) : Monday.AddDays(-1 + random.Next(365));
            var last = next.AddMonths(-cadence.Months());
            var signedUp = last.AddDays(-30 - random.Next(300));
            var schedule = ReviewSchedule.Start(id, signedUp);
            schedule.ChangeCadence(cadence, signedUp);
            schedule.Reviewed(last);
            schedule.SetReminders(random.Next(20) != 0, Leads[random.Next(Leads.Length)], random.Next(10) != 0);
            var at = Stamp(signedUp.ToDateTime(new TimeOnly(12, 0)));
            Run(schedules, i + 1, (int)schedule.Cadence, Day(schedule.StartedOn), Day(schedule.LastReviewedOn!.Value), schedule.ReviewsCompleted,
                Day(schedule.NextReviewOn), schedule.LeadDays, schedule.RemindersOn, schedule.DigestOn, schedule.CalendarToken, id, Version(), at);
            result.Schedules++;

            // Its reminder rows, as the app plans them; those due before the seeded moment were sent by earlier passes.
            foreach (var row in Reminder.Reconcile(id, [], schedule.PlannedReminders(zone), DateTimeOffset.MinValue))
            {
                var sent = row.SendAtUtc < SeededUntil.UtcDateTime;
                Run(reminders, ++reminderId, id, (int)row.Kind, Day(row.ForDate), Stamp(row.SendAtUtc),
                    (int)(sent ? ReminderState.Sent : ReminderState.Pending), sent ? 1 : 0, sent ? Stamp(row.SendAtUtc) : null);
                result.Reminders++;
                result.SentBefore += sent ? 1 : 0;
            }

            for (var g = 1 + random.Next(3); g > 0; g--)
            {
                Run(goals, ++goalId, GoalWords[random.Next(GoalWords.Length)], random.Next(3), Day(signedUp), id, Version(), at);
                result.Goals++;
                for (var m = 0; m < 3 + random.Next(3); m++)
                {
                    var due = quiet ? Monday.AddDays(21 + random.Next(330)) : Monday.AddDays(-30 + random.Next(365));
                    var status = random.Next(10) switch { 0 => 2, 1 or 2 => 1, _ => 0 }; // a tenth done, a fifth in progress
                    Run(milestones, ++milestoneId, goalId, FormattableString.Invariant($"Step {m + 1}"), Day(due), m, status, status == 2 ? Day(due) : null, id, Version(), at);
                    result.Milestones++;
                }
            }
        }

        transaction.Commit();
        result.Seconds = watch.Elapsed.TotalSeconds;
        return result;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // constant SQL from this file
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    // The text forms EF Core's SQLite provider writes and compares: dates, UTC times, upper-case GUIDs.
    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Stamp(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static string Version() => Guid.NewGuid().ToString().ToUpperInvariant();

    private sealed class SeedResult
    {
        public int People { get; set; }

        public int Schedules { get; set; }

        public int Reminders { get; set; }

        public int SentBefore { get; set; }

        public int Goals { get; set; }

        public int Milestones { get; set; }

        public double Seconds { get; set; }
    }

    private sealed record DatabaseRun(PassFigures Monday, PassFigures Wednesday, PassFigures Idle);

    /// <summary>Runs one pass the way the dispatcher does (a fresh DbContext and <see cref="ReminderPass"/> per pass) and measures it.</summary>
    private sealed class Runner(DbContextOptions<AppDbContext> options, string connectionString, BenchClock clock, CommandCounter counter, CountingMailer mailer, int people)
    {
        private static readonly PublicAddress Address = new(new Uri("https://careers.example.org"));
        private static readonly IOptions<EmailOptions> Email = Options.Create(new EmailOptions());

        // In memory, the same algorithms as the app's file-backed keys: the opt-out tokens cost what they cost there.
        private readonly ReminderOptOut _optOut = new(new EphemeralDataProtectionProvider());

        // One for the whole run, as the app keeps one per instance: a pass reads the week's milestones for digests only
        // when it has become Monday morning somewhere since the last planning.
        private readonly DigestWatermark _watermark = new();

        public async Task<PassFigures> PassAsync(DateTimeOffset at, string label, bool print)
        {
            clock.Now = at;
            var due = await DueAsync(at);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var peakReset = ResetPeak();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            counter.Reset();
            var sentBefore = mailer.Count;
            var watch = Stopwatch.StartNew();
            PassResult result;
            await using (var db = new AppDbContext(options))
            {
                var pass = new ReminderPass(db, mailer, new ReminderMail(Address, _optOut, Email, new CalendarFeed(db, Address, clock, Email)), clock,
                    Options.Create(new ReminderOptions()), NullLogger<ReminderPass>.Instance, _watermark);
                result = await pass.RunAsync("bench", CancellationToken.None);
            }

            watch.Stop();
            using var process = Process.GetCurrentProcess();
            var figures = new PassFigures(label, people, due, result.DigestsPlanned, result.Claimed, result.Sent, result.Skipped + result.Cancelled + result.Failed,
                mailer.Count - sentBefore, watch.Elapsed.TotalSeconds, counter.Commands, counter.Statements,
                (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0, process.PeakWorkingSet64 / 1048576.0, peakReset);
            if (print)
            {
                Console.WriteLine(figures.Line());
            }

            return figures;
        }

        /// <summary>The review reminder rows due at <paramref name="at"/> (counted apart from the pass, not timed).</summary>
        private async Task<int> DueAsync(DateTimeOffset at)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = """SELECT count(*) FROM "Reminders" WHERE "State" = 0 AND "SendAtUtc" <= $now""";
            count.Parameters.AddWithValue("$now", Stamp(at.UtcDateTime));
            return Convert.ToInt32(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        /// <summary>Linux: resets this process's peak resident set (VmHWM) to its current size, so the peak is the pass's own.</summary>
        private static bool ResetPeak()
        {
            try
            {
                File.WriteAllText("/proc/self/clear_refs", "5");
                return true;
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    private sealed record PassFigures(
        string Day, int People, int DueReviews, int DigestsPlanned, int Claimed, int Sent, int NotSent, int Messages, double Seconds,
        int Commands, int Statements, double AllocatedMb, double PeakMb, bool PeakIsThePass)
    {
        public const string Header = "pass      | people  | reviews due | digests planned | claimed | sent   | not sent | pass s | msg/s  | people/s   | SQL cmds (stmts) | alloc MB | peak WS MB";

        public double MessagesPerSecond => Messages / Seconds;

        public double PeoplePerSecond => People / Seconds;

        public string Line() => FormattableString.Invariant(
            $"{Day,-9} | {People,7:N0} | {DueReviews,11:N0} | {DigestsPlanned,15:N0} | {Claimed,7:N0} | {Sent,6:N0} | {NotSent,8:N0} | {Seconds,6:0.000} | {MessagesPerSecond,6:N0} | {PeoplePerSecond,10:N0} | {Commands,8:N0} ({Statements,5:N0}) | {AllocatedMb,8:N0} | {PeakMb,7:N0}{(PeakIsThePass ? string.Empty : " (since start)")}");
    }

    private sealed class BenchClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; }

        public override DateTimeOffset GetUtcNow() => Now;
    }

    /// <summary>Counts messages and does nothing else: no SMTP, no pickup files.</summary>
    private sealed class CountingMailer : IAppMailer
    {
        private int _count;

        public int Count => _count;

        public Task SendAsync(AppMail mail, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }
    }

    private sealed record CapturedCommand(string Text, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Counts the commands EF Core sends (and the statements in them), and keeps one of each text when asked.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, CapturedCommand> _captured = new(StringComparer.Ordinal);
        private int _commands;
        private int _statements;

        public bool Capture { get; set; }

        public int Commands => _commands;

        public int Statements => _statements;

        public IReadOnlyList<CapturedCommand> Captured
        {
            get
            {
                lock (_gate)
                {
                    return [.. _captured.Values];
                }
            }
        }

        public void Reset() => (_commands, _statements) = (0, 0);

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Count(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Count(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return ValueTask.FromResult(result);
        }

        private void Count(DbCommand command)
        {
            Interlocked.Increment(ref _commands);
            Interlocked.Add(ref _statements, Math.Max(1, command.CommandText.Count(c => c == ';')));
            if (!Capture)
            {
                return;
            }

            lock (_gate)
            {
                if (!_captured.ContainsKey(command.CommandText))
                {
                    _captured[command.CommandText] = new CapturedCommand(command.CommandText,
                        [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]);
                }
            }
        }
    }
}
