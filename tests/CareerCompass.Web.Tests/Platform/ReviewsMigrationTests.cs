using System.Net;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Reviews;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>
/// An account made before reviews existed, upgraded by the Reviews migration: it gets a yearly schedule from the day of
/// the upgrade with the digest off (never chosen), a private calendar address that works, and its review reminders
/// planned by the dispatcher's first pass.
/// </summary>
public sealed class ReviewsMigrationTests : IDisposable
{
    private readonly CareerCompassFactory _app = new();

    public void Dispose() => _app.Dispose();

    [SqliteOnlyFact]
    public async Task An_account_from_before_reviews_gets_a_working_schedule_calendar_and_planned_reminders()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={_app.DatabasePath}").Options;
        await using (var before = new AppDbContext(options))
        {
            await before.GetService<IMigrator>().MigrateAsync("20261201030000_GoalRevisions");
            before.Users.Add(new AppUser
            {
                UserName = "early@example.org",
                NormalizedUserName = "EARLY@EXAMPLE.ORG",
                Email = "early@example.org",
                NormalizedEmail = "EARLY@EXAMPLE.ORG",
                EmailConfirmed = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                TimeZone = "Europe/London",
            });
            await before.SaveChangesAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _ = _app.Services; // the app starts and migrates the rest of the way

        var schedule = await _app.ReadAsync(db => db.ReviewSchedules.AsNoTracking().SingleAsync());
        var today = DateOnly.FromDateTime(DateTime.UtcNow); // the migration dates it by the database's clock
        Assert.Equal(ReviewCadence.Yearly, schedule.Cadence);
        Assert.Equal(today.AddMonths(12), schedule.NextReviewOn);
        Assert.False(schedule.DigestOn);
        Assert.True(schedule.RemindersOn);
        Assert.False(schedule.RemindersPlanned);
        Assert.Equal(ReviewSchedule.TokenLength, schedule.CalendarToken.Length);

        using var client = _app.CreateClient();
        using var feed = await client.GetAsync($"/calendar/{schedule.CalendarToken}.ics");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);

        _app.Clock.SetTo(DateTimeOffset.UtcNow);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReminderPass>().RunAsync(CancellationToken.None);
        }

        var reminders = await _app.ReadAsync(db => db.Reminders.AsNoTracking().OrderBy(r => r.SendAtUtc).ToListAsync());
        Assert.Equal([ReminderKind.ReviewSoon, ReminderKind.ReviewToday], reminders.Select(r => r.Kind));
        Assert.All(reminders, r => Assert.Equal(schedule.NextReviewOn, r.ForDate));
        Assert.True(await _app.ReadAsync(db => db.ReviewSchedules.Select(s => s.RemindersPlanned).SingleAsync()));
    }
}
