using System.Data.Common;
using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Data;
using CareerCompass.Web.Data.PostgreSql;
using CareerCompass.Web.Tests.Infrastructure;
using CareerCompass.Web.Tests.Platform.Upgrades;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>
/// The upgrade from the previous release, on the provider of this run: a database migrated to where that release
/// left it, filled by SQL with that release's data (<see cref="ReleaseData"/>), then every later migration, then every
/// row and value compared with what went in, the new columns' defaults checked, and the app started on it: the old
/// account signs in with its old password and finds its goals.
/// <para>
/// SQLite: the previous release is wave 1 (22 November 2026), whose last migration is <c>20261122030000_Goals</c> —
/// the last one added that day; every later migration was added on 1 December 2026 (wave 2), starting with
/// <c>20261201000000_AuthSessions</c> (<c>git log --diff-filter=A -- src/CareerCompass.Web/Data/Migrations</c>), and
/// wave 1's four migrations are unchanged since. PostgreSQL: the previous release is its first schema,
/// <c>20261201100000_Baseline</c> (no PostgreSQL database predates it), filled with every table it has.
/// </para>
/// </summary>
public sealed class UpgradeTests : IDisposable
{
    public const string SqlitePreviousRelease = "20261122030000_Goals";
    public const string PostgreSqlPreviousRelease = "20261201100000_Baseline";

    private readonly CareerCompassFactory _app = new();
    private readonly bool _postgreSql = PostgresServer.IsTheProvider;
    private string? _database;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Every_migration_keeps_the_previous_release_data_and_the_app_works_on_it()
    {
        var data = _postgreSql ? PostgreSqlBaseline.Data() : Wave1.Data();
        await using (var db = await NewContextAsync())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var previous = _postgreSql ? PostgreSqlPreviousRelease : SqlitePreviousRelease;
            Assert.Contains(previous, migrations);
            Assert.NotEqual(previous, migrations[^1]); // there is something to upgrade through
            await db.GetService<IMigrator>().MigrateAsync(previous);
        }

        await using (var connection = await OpenAsync())
        {
            await data.FillAsync(connection, _postgreSql);
        }

        await using (var db = await NewContextAsync())
        {
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        await using (var connection = await OpenAsync())
        {
            var differences = await data.DifferencesAsync(connection, _postgreSql);
            Assert.True(differences.Count == 0, "The upgrade lost or changed data:\n  " + string.Join("\n  ", differences));
        }

        await using (var db = await NewContextAsync())
        {
            if (_postgreSql)
            {
                await TheBaselineRowsGainedWhatCameAfterAsync(db);
            }
            else
            {
                await TheWave1RowsGainedWhatCameAfterAsync(db);
            }

            await TheAppReadsEveryRowAsync(db, data);
        }

        await TheOldAccountSignsInAndFindsItsPlanAsync();
    }

    /// <summary>Wave 2's columns and tables as its migrations left them on wave 1's rows.</summary>
    private static async Task TheWave1RowsGainedWhatCameAfterAsync(AppDbContext db)
    {
        Assert.All(await db.Users.AsNoTracking().ToListAsync(), u => Assert.Equal("UTC", u.TimeZone));
        // The create-form key (a shadow property) is empty on rows made before it.
        Assert.All(await db.Goals.AsNoTracking().Select(g => EF.Property<Guid?>(g, IdempotencyKeys.Column)).ToListAsync(), k => Assert.Null(k));
        Assert.All(await db.Milestones.AsNoTracking().Select(g => EF.Property<Guid?>(g, IdempotencyKeys.Column)).ToListAsync(), k => Assert.Null(k));
        Assert.All(await db.PlanItems.AsNoTracking().Select(g => EF.Property<Guid?>(g, IdempotencyKeys.Column)).ToListAsync(), k => Assert.Null(k));
        Assert.All(await db.Contacts.AsNoTracking().Select(g => EF.Property<Guid?>(g, IdempotencyKeys.Column)).ToListAsync(), k => Assert.Null(k));

        // One yearly schedule per account, dated from the upgrade (the database's clock), reminders on, the digest off.
        var schedules = await db.ReviewSchedules.AsNoTracking().ToListAsync();
        Assert.Equal(new[] { Wave1.Ada, Wave1.Zoe, Wave1.Kwame }.Order(StringComparer.Ordinal), schedules.Select(s => s.OwnerId).Order(StringComparer.Ordinal));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.All(schedules, s =>
        {
            Assert.Equal(ReviewCadence.Yearly, s.Cadence);
            Assert.InRange(s.StartedOn, today.AddDays(-1), today);
            Assert.Equal(s.StartedOn.AddMonths(12), s.NextReviewOn);
            Assert.Null(s.LastReviewedOn);
            Assert.Equal(0, s.ReviewsCompleted);
            Assert.Equal(14, s.LeadDays);
            Assert.True(s.RemindersOn);
            Assert.False(s.DigestOn);
            Assert.True(s.CommentMailOn);
            Assert.False(s.RemindersPlanned);
            Assert.Equal(ReviewSchedule.TokenLength, s.CalendarToken.Length);
        });
        Assert.Equal(schedules.Count, schedules.Select(s => s.CalendarToken).Distinct(StringComparer.Ordinal).Count());

        Assert.Empty(await db.GoalRevisions.AsNoTracking().ToListAsync());
        Assert.Empty(await db.Reviews.AsNoTracking().ToListAsync());
        Assert.Empty(await db.Reminders.AsNoTracking().ToListAsync());
        Assert.Empty(await db.AuthSessions.AsNoTracking().ToListAsync());
        Assert.Empty(await db.DataProtectionKeys.AsNoTracking().ToListAsync());

        // The search index was built from the titles there were: each occupation's own title and its other ones.
        var titles = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM \"OccupationTitleSearch\"").SingleAsync();
        Assert.Equal(5, titles);
    }

    /// <summary>What the PostgreSQL migrations after the baseline add: the key ring table (empty) and the search tables, filled.</summary>
    private static async Task TheBaselineRowsGainedWhatCameAfterAsync(AppDbContext db)
    {
        Assert.Empty(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
        var titles = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM \"OccupationTitleSearch\"").SingleAsync();
        Assert.Equal(5, titles);
        var words = await db.Database.SqlQueryRaw<string>("SELECT \"Word\" AS \"Value\" FROM \"OccupationWords\"").ToListAsync();
        Assert.Contains("nurse", words);
        Assert.Contains("developers", words);
    }

    /// <summary>Every entity the data fills, read through today's model (a value it can't convert throws here).</summary>
    private static async Task TheAppReadsEveryRowAsync(AppDbContext db, ReleaseData data)
    {
        Assert.Equal(data.RowsOf("AspNetUsers"), (await db.Users.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("Contacts"), (await db.Contacts.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("Goals"), (await db.Goals.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("Milestones"), (await db.Milestones.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("GoalPlanItems"), (await db.PlanItems.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("Occupations"), (await db.Occupations.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("OccupationSkills"), (await db.OccupationSkills.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("OccupationTitles"), (await db.OccupationTitles.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("GoalRevisions"), (await db.GoalRevisions.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("Reviews"), (await db.Reviews.AsNoTracking().Include(r => r.Goals).ToListAsync()).Count);
        Assert.Equal(data.RowsOf("Reminders"), (await db.Reminders.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("CounsellorGrants"), (await db.CounsellorGrants.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("Comments"), (await db.Comments.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("AccessLog"), (await db.AccessLog.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("CommentReads"), (await db.CommentReads.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("CommentNotices"), (await db.CommentNotices.AsNoTracking().ToListAsync()).Count);
        Assert.Equal(data.RowsOf("AuthSessions"), (await db.AuthSessions.AsNoTracking().ToListAsync()).Count);

        var goal = await db.Goals.AsNoTracking().SingleAsync(g => g.Id == 1);
        Assert.Equal(["SQL", "Python", "Public speaking 🎤"], goal.Skills);
        Assert.Equal([new(ReflectionStepKind.Values, Wave1.ValueAchievement.ToString()), new(ReflectionStepKind.Options, Wave1.OptionDataEngineer.ToString())], goal.Links);
        Assert.Equal(Wave1.LongText, goal.ConfidencePlan);

        var steps = await db.ReflectionSteps.AsNoTracking().Where(s => s.OwnerId == Wave1.Ada).ToDictionaryAsync(s => s.Kind);
        Assert.Equal("Family time 👨‍👩‍👧", steps[ReflectionStepKind.Values].Read<ValuesAnswers>().Chosen[1].Custom);
        Assert.Equal("15-1252.00", steps[ReflectionStepKind.Options].Read<OptionsAnswers>().Options.Single().OccupationCode);
        Assert.Equal(5, steps[ReflectionStepKind.Interests].Read<InterestsAnswers>().Items[0].Energy);
        Assert.StartsWith("Because evidence", steps[ReflectionStepKind.Vision].Read<VisionAnswers>().Why, StringComparison.Ordinal);
    }

    /// <summary>The app on the upgraded database, over HTTP: the wave-1 password works, the goals and contacts are there, and a new record saves.</summary>
    private async Task TheOldAccountSignsInAndFindsItsPlanAsync()
    {
        using var browser = _app.NewBrowser();
        var home = await browser.SignInAsync(Wave1.AdaEmail, Wave1.AdaPassword);
        Assert.Contains("Your dashboard", home.Text, StringComparison.Ordinal);

        var goals = await browser.GetAsync("/Goals");
        foreach (var statement in Wave1.AdaGoalsShown)
        {
            Assert.Contains(statement, goals.Text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Mentor two junior nurses", goals.Text, StringComparison.Ordinal); // Zoë's, not Ada's

        var contacts = await browser.GetAsync("/Contacts");
        Assert.Contains("Siobhán Ní Bhriain", contacts.Text, StringComparison.Ordinal);
        Assert.Contains("李小龍", contacts.Text, StringComparison.Ordinal);

        // A new row after the upgraded ones (on PostgreSQL, the identity has to be past the ids the old release used).
        var form = await browser.GetAsync("/Contacts/Edit");
        var saved = await browser.SubmitAsync(form, "#contact-form", new Dictionary<string, string> { ["Input.Name"] = "After the upgrade" });
        Assert.Contains("Saved After the upgrade.", saved.Text, StringComparison.Ordinal);
    }

    private async Task<AppDbContext> NewContextAsync()
    {
        if (_postgreSql)
        {
            if (_database is null)
            {
                _database = await PostgresServer.CreateDatabaseAsync("upgrade");
                _app.UsePostgreSqlDatabase(_database); // the factory drops it when disposed
            }

            return new PostgreSqlDbContext(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql(_database).Options);
        }

        return new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite(SqliteConnectionString).Options);
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = _postgreSql ? new NpgsqlConnection(_database) : new SqliteConnection(SqliteConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private string SqliteConnectionString => new SqliteConnectionStringBuilder { DataSource = _app.DatabasePath, ForeignKeys = true, Pooling = false }.ToString();
}
