using System.Net;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>What a load balancer asks: is the process up (<c>/health/live</c>), may it have traffic (<c>/health/ready</c>).</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Live_and_ready_say_Healthy_in_plain_text_never_cached()
    {
        using var app = new CareerCompassFactory();
        using var browser = app.NewBrowser();

        foreach (var path in new[] { "/health/live", "/health/ready", "/health" })
        {
            var page = await browser.GetAsync(path, followRedirects: false);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("Healthy", page.Html);
            Assert.Equal("text/plain", page.Response.Content.Headers.ContentType!.MediaType);
            Assert.Contains("no-store", page.Response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
            Assert.False(page.Response.Headers.Contains("Set-Cookie"), path);
        }
    }

    [Fact]
    public async Task Live_reads_nothing_from_the_database_even_with_a_sign_in_cookie()
    {
        using var app = new CareerCompassFactory();
        var (browser, _) = await app.NewSignedInPersonAsync();

        app.Queries.Reset();
        var live = await browser.GetAsync("/health/live", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, live.Status);
        Assert.Equal(0, app.Queries.Count);
        browser.Dispose();
    }

    [Fact]
    public async Task Ready_is_503_while_a_migration_is_not_applied_and_live_stays_200()
    {
        using var app = new CareerCompassFactory();
        using var browser = app.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/ready")).Status);

        // The database as a release without the last migration left it (as far as the history says).
        var last = await app.ReadAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT MAX(\"MigrationId\") AS \"Value\" FROM \"__EFMigrationsHistory\"").SingleAsync());
        await app.ReadAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {last}"));

        var ready = await browser.GetAsync("/health/ready", followRedirects: false);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", ready.Html);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/live", followRedirects: false)).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health", followRedirects: false)).Status);
    }

    [SqliteOnlyFact]
    public async Task Ready_and_health_are_503_when_the_database_does_not_answer_and_live_stays_200()
    {
        using var app = new CareerCompassFactory();
        using var browser = app.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/ready")).Status);

        // The database file goes away, and nothing can be opened in its place.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(app.DatabasePath + suffix);
        }

        Directory.CreateDirectory(app.DatabasePath);

        var ready = await browser.GetAsync("/health/ready", followRedirects: false);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
        Assert.Equal("Unhealthy", ready.Html);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await browser.GetAsync("/health", followRedirects: false)).Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/health/live", followRedirects: false)).Status);
    }
}
