using System.Diagnostics;
using System.Net;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Data.PostgreSql;
using CareerCompass.Web.Tests.Accounts;
using CareerCompass.Web.Tests.Goals;
using CareerCompass.Web.Tests.Infrastructure;
using CareerCompass.Web.Tests.Reviews;
using CareerCompass.Web.Tests.Sharing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using static CareerCompass.Web.Tests.Sharing.Sharing;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>
/// <c>copy-database</c> (SQLite → PostgreSQL), run as docs/operations.md tells an operator to: the app's own executable
/// on the SQLite settings, with <c>--to</c> an empty PostgreSQL database. The source is SQLite, so these run in the
/// SQLite run of the suite (the PostgreSQL run would only repeat them); the PostgreSQL server is the suite's own
/// (<see cref="PostgresServer"/>).
/// </summary>
public sealed class CopyDatabaseTests(SharingApp app, Xunit.Abstractions.ITestOutputHelper log) : IClassFixture<SharingApp>
{
    private static readonly string[] Seeded =
    [
        "AspNetUsers", "AspNetUserRoles", "AspNetUserTokens", "AuthSessions", "DataProtectionKeys", "Goals", "Milestones", "GoalPlanItems", "GoalRevisions",
        "Reviews", "ReviewGoals", "ReviewSchedules", "Contacts", "ReflectionSteps", "CounsellorGrants", "Comments", "AccessLog", "Reminders", "OccupationTitles",
    ];

    [SqliteOnlyFact]
    public async Task A_seeded_database_lands_on_PostgreSQL_with_matching_counts_and_the_person_carries_on_there()
    {
        // A person with two-factor sign-in, reflection, a goal with a milestone and a plan item, a review, a contact,
        // a counsellor with a grant and comments, an access log, an invitation, sign-in sessions and the key ring.
        app.Clock.SetTo(Now);
        var (counsellorBrowser, counsellorEmail, counsellorId) = await app.NewCounsellorAsync();
        var (browser, email) = await app.NewSignedInPersonAsync("mover", "Europe/Paris");
        var setup = await browser.GetAsync("/Identity/Account/Manage/EnableAuthenticator");
        var key = setup.Document.QuerySelector("kbd")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        await browser.SubmitAsync(setup, "#send-code", new Dictionary<string, string> { ["Input.Code"] = TwoFactorTests.Totp(key) });
        var goal = await ReviewJourney.ActiveGoalAsync(browser, "Become a UX researcher");
        await ReviewJourney.AddDoneMilestoneAsync(browser, goal, "Finish the research course", new DateOnly(2026, 12, 15));
        await browser.SubmitAsync(await browser.GetAsync($"/Goals/{goal}"), "#plan-form", new Dictionary<string, string> { ["NewPlanItem.Kind"] = "Skill", ["NewPlanItem.Text"] = "Practise interviews" });
        await ReviewJourney.StartAsync(browser);
        await browser.SubmitAsync(await browser.GetAsync("/Contacts/Edit"), "#contact-form", new Dictionary<string, string> { ["Input.Name"] = "Priya Shah" });
        await browser.SubmitAsync(await browser.GetAsync("/Reflection/Vision"), "form[data-autosave]", new Dictionary<string, string> { ["Input.Impact"] = "Kinder public services" },
            action: "/Reflection/Vision?handler=Autosave");
        await app.GrantAsync(email, counsellorEmail, SharingScope.PlanAndReflection);
        await browser.InviteAsync("waiting@example.org");
        var owner = await app.UserIdAsync(email);
        await app.WriteAsync(db =>
        {
            db.Comments.Add(Comment.Write(owner, counsellorId, CommentAuthorRole.Counsellor, CommentTarget.Goal, goal, "Lovely progress on the portfolio.", Now));
            db.Comments.Add(Comment.Write(owner, owner, CommentAuthorRole.Client, CommentTarget.Goal, goal, "Thank you — “merci”, 谢谢!", Now.AddMinutes(1)));
            db.AccessLog.Add(AccessLogEntry.Of(owner, counsellorId, SharedArea.Goals, goal, $"/Counsellor/Clients/{owner}/Goals/{goal}", Now));
            return Task.CompletedTask;
        });
        await RunAsync("remind", "--at", "2027-11-08T09:30:00Z"); // plans and sends the reminders a year brings

        // A browser whose cookies this test keeps, signed in before the move: the same cookie must open on the copy.
        var cookies = new CookieContainer();
        using (var earlier = new TestBrowser(app.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies))))
        {
            await earlier.SignInAsync(counsellorEmail);
            Assert.Equal(HttpStatusCode.OK, (await earlier.GetAsync("/Identity/Account/Manage", followRedirects: false)).Status);
        }

        var before = await CountsAsync(app);
        Assert.All(Seeded, table => Assert.True(before[table] > 0, $"The seed left {table} empty."));
        var target = await PostgresServer.CreateDatabaseAsync("copy");
        try
        {
            var watch = Stopwatch.StartNew();
            var (code, output) = await RunAsync("copy-database", "--to", target);
            log.WriteLine(output);
            log.WriteLine($"copy-database took {watch.Elapsed.TotalSeconds:0.0} s in all ({before.Values.Sum()} rows).");

            Assert.True(code == 0, output);
            Assert.Contains($"All {before.Count} tables match.", output, StringComparison.Ordinal);
            foreach (var (table, rows) in before)
            {
                // The verification table: name, SQLite count, PostgreSQL count, "match" and the checksum.
                Assert.Matches($@"(?m)^{table} +{rows:N0} +{rows:N0}  match [0-9a-f]{{12}}$", output);
            }

            Assert.Equal(before, await CountsAsync(target));
            await AssertSameRecordsAsync(target);

            // Run again: the target holds rows now, so it refuses and writes nothing.
            var (again, refused) = await RunAsync("copy-database", "--to", target);
            Assert.Equal(1, again);
            Assert.Contains("isn't empty: AspNetUsers has", refused, StringComparison.Ordinal);
            Assert.Contains("nothing was copied", refused, StringComparison.Ordinal);
            Assert.Equal(before, await CountsAsync(target));

            // The app on the PostgreSQL database: the same password and authenticator key sign the person in, their
            // goal is there, and a new goal gets an id after the copied ones (the identity sequences moved on).
            using var moved = new CareerCompassFactory();
            moved.Settings["Database:Provider"] = "PostgreSQL";
            moved.Settings["ConnectionStrings:CareerCompass"] = target;
            moved.Clock.SetTo(Now.AddDays(1));
            using var there = moved.NewBrowser();
            var challenge = await there.SignInAsync(email);
            Assert.Contains("/Identity/Account/LoginWith2fa", challenge.Url.PathAndQuery, StringComparison.Ordinal);
            var dashboard = await there.SubmitAsync(challenge, "form[method='post']", new Dictionary<string, string> { ["Input.TwoFactorCode"] = TwoFactorTests.Totp(key) });
            Assert.Contains("Your dashboard", dashboard.Text, StringComparison.Ordinal);
            var goalPage = await there.GetAsync($"/Goals/{goal}");
            Assert.Equal(HttpStatusCode.OK, goalPage.Status);
            Assert.Contains("Become a UX researcher", goalPage.Text, StringComparison.Ordinal);
            Assert.Contains("Finish the research course", goalPage.Text, StringComparison.Ordinal);
            Assert.Contains("Practise interviews", goalPage.Text, StringComparison.Ordinal);
            using (var signedIn = new TestBrowser(moved.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies))))
            {
                // Its session row and the key ring that encrypted its cookie came across.
                var manage = await signedIn.GetAsync("/Identity/Account/Manage", followRedirects: false);
                Assert.Equal(HttpStatusCode.OK, manage.Status);
                Assert.Contains(counsellorEmail, manage.Html, StringComparison.OrdinalIgnoreCase);
            }

            var (_, newGoal) = await GoalPageTests.CreateGoalAsync(there, new() { ["Input.Statement"] = "Run a usability study" });
            Assert.True(newGoal > goal, $"The new goal got id {newGoal}, not after the copied {goal}.");
            Assert.Contains("Run a usability study", (await there.GetAsync($"/Goals/{newGoal}")).Text, StringComparison.Ordinal);
        }
        finally
        {
            browser.Dispose();
            counsellorBrowser.Dispose();
            await PostgresServer.DropDatabaseAsync(target);
        }
    }

    [SqliteOnlyFact]
    public async Task A_bad_or_unreachable_connection_string_gets_a_clear_message_and_no_stack_trace()
    {
        var (garbled, notConnectionString) = await RunAsync("copy-database", "--to", "Hots=db;;=");
        var (closed, unreachable) = await RunAsync("copy-database", "--to", "Host=127.0.0.1;Port=1;Database=careercompass;Username=careercompass;Timeout=3");
        var (missing, noDatabase) = await RunAsync("copy-database", "--to", new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = "no_such_database" }.ConnectionString);
        var (usage, told) = await RunAsync("copy-database");

        Assert.Equal(2, garbled);
        Assert.Contains("That isn't a PostgreSQL connection string", notConnectionString, StringComparison.Ordinal);
        Assert.Equal(1, closed);
        Assert.Contains("Could not connect to the PostgreSQL database 127.0.0.1:1/careercompass", unreachable, StringComparison.Ordinal);
        Assert.Equal(1, missing);
        Assert.Contains("database \"no_such_database\" does not exist", noDatabase, StringComparison.Ordinal);
        Assert.Equal(2, usage);
        Assert.Contains("Usage: copy-database --to", told, StringComparison.Ordinal);
        foreach (var output in new[] { notConnectionString, unreachable, noDatabase, told })
        {
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
        }
    }

    [SqliteOnlyFact]
    public async Task It_copies_only_from_SQLite_and_only_into_a_database_without_other_tables()
    {
        var postgres = await PostgresServer.CreateDatabaseAsync("copy_other");
        try
        {
            await using (var connection = new Npgsql.NpgsqlConnection(postgres))
            {
                await connection.OpenAsync();
                await using var command = new Npgsql.NpgsqlCommand("CREATE TABLE invoices (id integer PRIMARY KEY)", connection);
                await command.ExecuteNonQueryAsync();
            }

            var (other, refused) = await RunAsync("copy-database", "--to", postgres);
            var (fromPostgres, wrongWay) = await RunAsync(
                new Dictionary<string, string> { ["Database__Provider"] = "PostgreSQL", ["ConnectionStrings__CareerCompass"] = postgres },
                "copy-database", "--to", postgres);

            var nowhere = Path.Combine(app.DataRoot, "elsewhere", "careercompass.db");
            var (noFile, missing) = await RunAsync(new Dictionary<string, string> { ["ConnectionStrings__CareerCompass"] = $"Data Source={nowhere}" }, "copy-database", "--to", postgres);

            Assert.Equal(2, noFile);
            Assert.Contains($"There is no SQLite database at {nowhere}.", missing, StringComparison.Ordinal);
            Assert.False(File.Exists(nowhere));
            Assert.Equal(1, other);
            Assert.Contains("already holds tables (invoices) but not CareerCompass's", refused, StringComparison.Ordinal);
            Assert.Equal(2, fromPostgres);
            Assert.Contains("copy-database copies from SQLite", wrongWay, StringComparison.Ordinal);
            await using var check = new Npgsql.NpgsqlConnection(postgres);
            await check.OpenAsync();
            await using var tables = new Npgsql.NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", check);
            Assert.Equal(1L, await tables.ExecuteScalarAsync()); // neither run touched it: invoices alone
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(postgres);
        }
    }

    [Fact]
    public void The_checksum_ignores_row_order_and_sees_any_changed_value()
    {
        using var sqlite = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var pg = new PostgreSqlDbContext(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql("Host=localhost").Options);
        var plan = new Web.Infrastructure.Persistence.DatabaseCopy(sqlite, pg);
        var table = plan.Tables.Single(t => t.Name == "Comments");
        var at = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);
        object?[] Row(int id, string? body, DateTime written) => [.. table.Columns.Select(c => c.Name switch
        {
            "Id" => id,
            "Body" => body,
            "WrittenAtUtc" => written,
            _ => (object?)null,
        })];
        string Checksum(params object?[][] rows)
        {
            var checksum = new Web.Infrastructure.Persistence.TableChecksum();
            foreach (var row in rows)
            {
                checksum.Add(table, row);
            }

            return checksum.Finish();
        }

        var original = Checksum(Row(1, "Lovely progress", at), Row(2, "Thank you!", at), Row(10, null, at));

        Assert.Equal(original, Checksum(Row(10, null, at), Row(2, "Thank you!", at), Row(1, "Lovely progress", at)));
        Assert.Equal(original, Checksum(Row(1, "Lovely progress", at.AddTicks(3)), Row(2, "Thank you!", at), Row(10, null, at))); // below PostgreSQL's microsecond
        Assert.NotEqual(original, Checksum(Row(1, "Lovely progress.", at), Row(2, "Thank you!", at), Row(10, null, at)));
        Assert.NotEqual(original, Checksum(Row(1, "Lovely progress", at), Row(2, "Thank you!", at), Row(10, string.Empty, at)));
        Assert.NotEqual(original, Checksum(Row(1, "Lovely progress", at.AddMilliseconds(1)), Row(2, "Thank you!", at), Row(10, null, at)));
        Assert.NotEqual(original, Checksum(Row(1, "Lovely progress", at), Row(2, "Thank you!", at)));
        Assert.NotEqual(original, Checksum(Row(1, "Thank you!", at), Row(2, "Lovely progress", at), Row(10, null, at)));
    }

    /// <summary>The people's records, read back through the PostgreSQL context, are the ones read through the SQLite one.</summary>
    private async Task AssertSameRecordsAsync(string target)
    {
        await using var pg = new PostgreSqlDbContext(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql(target).Options);
        await using var sqlite = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={app.DatabasePath}").Options);
        foreach (var db in new AppDbContext[] { sqlite, pg })
        {
            Assert.NotEmpty(await db.Users.AsNoTracking().Where(u => u.TwoFactorEnabled).ToListAsync());
        }

        static async Task<List<string>> Users(AppDbContext db) => [.. (await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync())
            .Select(u => string.Join('|', u.Id, u.Email, u.PasswordHash, u.SecurityStamp, u.TwoFactorEnabled, u.LockoutEnd, u.AccessFailedCount, u.TimeZone))];
        Assert.Equal(await Users(sqlite), await Users(pg));
        static async Task<List<string>> Tokens(AppDbContext db) => [.. (await db.UserTokens.AsNoTracking().ToListAsync()).Select(t => string.Join('|', t.UserId, t.LoginProvider, t.Name, t.Value)).Order(StringComparer.Ordinal)];
        Assert.Equal(await Tokens(sqlite), await Tokens(pg));
        static async Task<List<string>> Goals(AppDbContext db) => [.. (await db.Goals.AsNoTracking().Include(g => g.Milestones).Include(g => g.PlanItems).OrderBy(g => g.Id).ToListAsync())
            .Select(g => string.Join('|', g.Id, g.OwnerId, g.Statement, g.Status, g.Deadline, g.StartedOn, g.CreatedAtUtc.Ticks / 10, g.Version, string.Join(',', g.Skills), g.Links.Count,
                string.Join(';', g.Milestones.OrderBy(m => m.Id).Select(m => $"{m.Id} {m.Title} {m.DueOn} {m.Status}")),
                string.Join(';', g.PlanItems.OrderBy(p => p.Id).Select(p => $"{p.Id} {p.Kind} {p.Text}"))))];
        Assert.Equal(await Goals(sqlite), await Goals(pg));
        static async Task<List<string>> Comments(AppDbContext db) => [.. (await db.Comments.AsNoTracking().OrderBy(c => c.Id).ToListAsync())
            .Select(c => string.Join('|', c.Id, c.OwnerId, c.AuthorId, c.AuthorRole, c.Body, c.Target, c.TargetId, c.WrittenAtUtc.Ticks / 10))];
        Assert.Equal(await Comments(sqlite), await Comments(pg));
        static async Task<List<string>> Sharing(AppDbContext db) =>
        [
            .. (await db.CounsellorGrants.AsNoTracking().OrderBy(g => g.Id).ToListAsync()).Select(g => string.Join('|', g.Id, g.OwnerId, g.CounsellorId, g.CounsellorEmail, g.Scope, g.InvitedAtUtc.Ticks / 10, g.AcceptedAtUtc)),
            .. (await db.AccessLog.AsNoTracking().OrderBy(a => a.Id).ToListAsync()).Select(a => string.Join('|', a.Id, a.CounsellorId, a.Area, a.RecordId, a.Path, a.AtUtc.Ticks / 10)),
            .. (await db.Reminders.AsNoTracking().OrderBy(r => r.Id).ToListAsync()).Select(r => string.Join('|', r.Id, r.PersonId, r.Kind, r.ForDate, r.State, r.SendAtUtc.Ticks / 10)),
            .. (await db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).ToListAsync()).Select(k => string.Join('|', k.Id, k.FriendlyName, k.Xml)),
        ];
        Assert.Equal(await Sharing(sqlite), await Sharing(pg));
    }

    private static async Task<Dictionary<string, long>> CountsAsync(CareerCompassFactory app)
    {
        await using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={app.DatabasePath}").Options);
        return await CountsAsync(db);
    }

    private static async Task<Dictionary<string, long>> CountsAsync(string postgres)
    {
        await using var db = new PostgreSqlDbContext(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql(postgres).Options);
        return await CountsAsync(db);
    }

    /// <summary>Rows in every table of the model (what the command copies), by name.</summary>
    private static async Task<Dictionary<string, long>> CountsAsync(AppDbContext db)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            // Table names come from the model.
            var sql = "SELECT CAST(count(*) AS BIGINT) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
        }

        return counts;
    }

    private Task<(int Code, string Output)> RunAsync(params string[] args) => RunAsync(app.DatabaseSettings, args);

    private Task<(int Code, string Output)> RunAsync(IEnumerable<KeyValuePair<string, string>> database, params string[] args) =>
        AppCommand.RunAsync(app, database, TimeSpan.FromMinutes(4), args);
}
