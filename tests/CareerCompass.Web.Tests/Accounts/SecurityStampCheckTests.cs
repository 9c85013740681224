using System.Net;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Accounts;

/// <summary>The 30-second security-stamp check of a signed-in session costs one statement, and still signs out a changed stamp.</summary>
public sealed class SecurityStampCheckTests(CareerCompassFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<CareerCompassFactory>
{
    private static readonly TimeSpan PastTheInterval = TimeSpan.FromSeconds(31);

    [Fact]
    public async Task The_check_when_due_is_exactly_one_statement_and_then_not_repeated_within_the_interval()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        await browser.GetAsync("/Contacts");

        var notDue = await QueriesForAsync(browser, "/Contacts");
        app.Clock.Advance(PastTheInterval);
        var due = await QueriesForAsync(browser, "/Contacts");
        var right = await QueriesForAsync(browser, "/Contacts");
        app.Clock.Advance(PastTheInterval);
        var dueAgain = await QueriesForAsync(browser, "/Contacts");

        output.WriteLine($"not due {notDue}, due {due}, just after {right}, due again {dueAgain}");
        Assert.Equal(notDue + 1, due);
        Assert.Equal(notDue, right);
        Assert.Equal(notDue + 1, dueAgain);
        browser.Dispose();
    }

    [Fact]
    public async Task A_stamp_changed_elsewhere_signs_the_session_out_at_the_next_check()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var userId = await app.UserIdAsync(email);

        // As another instance's password reset would leave it, without ending this session's row.
        await app.WriteAsync(db => db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N").ToUpperInvariant())));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Contacts", followRedirects: false)).Status);

        app.Clock.Advance(PastTheInterval);
        var after = await browser.GetAsync("/Contacts", followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, after.Status);
        Assert.Contains("/Identity/Account/Login", after.Location, StringComparison.Ordinal);
        Assert.Equal(0, await app.ReadAsync(db => db.AuthSessions.CountAsync(s => s.UserId == userId)));
        browser.Dispose();
    }

    [Fact]
    public async Task A_role_revoked_elsewhere_leaves_the_sign_in_at_the_next_check()
    {
        var (browser, email) = await app.NewSignedInPersonAsync("counsellor");
        var userId = await app.UserIdAsync(email);
        await app.WriteAsync(async db =>
        {
            var role = await db.Roles.SingleAsync(r => r.Name == "Counsellor");
            db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<string> { UserId = userId, RoleId = role.Id });
            await db.SaveChangesAsync();
        });

        app.Clock.Advance(PastTheInterval);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Counsellor", followRedirects: false)).Status);

        await app.WriteAsync(db => db.UserRoles.Where(r => r.UserId == userId).ExecuteDeleteAsync());
        app.Clock.Advance(PastTheInterval);
        var after = await browser.GetAsync("/Counsellor", followRedirects: false);

        Assert.NotEqual(HttpStatusCode.OK, after.Status);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Contacts", followRedirects: false)).Status);
        browser.Dispose();
    }

    private async Task<int> QueriesForAsync(TestBrowser browser, string path)
    {
        app.Queries.Reset();
        var page = await browser.GetAsync(path, followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return app.Queries.Count;
    }
}
