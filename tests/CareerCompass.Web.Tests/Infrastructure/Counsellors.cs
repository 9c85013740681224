using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>Counsellors and grants for tests: the role as the grant-role command gives it, grants as the domain makes them.</summary>
public static class Counsellors
{
    /// <summary>A new person with the Counsellor role, signed in afresh so their sign-in carries it.</summary>
    public static async Task<(TestBrowser Browser, string Email, string Id)> NewCounsellorAsync(this CareerCompassFactory app, string who = "counsellor")
    {
        var (first, email) = await app.NewSignedInPersonAsync(who);
        first.Dispose();
        await app.AddRoleAsync(email, AppRoles.Counsellor);
        var browser = await app.SignInAgainAsync(email);
        return (browser, email, await app.UserIdAsync(email));
    }

    public static async Task AddRoleAsync(this CareerCompassFactory app, string email, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account for {email}.");
        var result = await users.AddToRoleAsync(user, role);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    public static async Task RemoveRoleAsync(this CareerCompassFactory app, string email, string role)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account for {email}.");
        await users.RemoveFromRoleAsync(user, role);
    }

    /// <summary>
    /// The client at <paramref name="clientEmail"/> invites <paramref name="counsellorEmail"/>, and (unless
    /// <paramref name="accept"/> is false) the counsellor accepts — straight in the database, at the test clock's time.
    /// Returns the grant's id.
    /// </summary>
    public static async Task<int> GrantAsync(this CareerCompassFactory app, string clientEmail, string counsellorEmail, SharingScope scope = SharingScope.Plan, bool accept = true)
    {
        var clientId = await app.UserIdAsync(clientEmail);
        var counsellorId = await app.UserIdAsync(counsellorEmail);
        var now = app.Clock.GetUtcNow();
        using var serviceScope = app.Services.CreateScope();
        var db = serviceScope.ServiceProvider.GetRequiredService<AppDbContext>();
        var existing = await db.CounsellorGrants.Where(g => g.OwnerId == clientId).ToListAsync();
        var grant = CounsellorGrant.Invite(clientId, clientEmail, counsellorEmail, scope, existing, now);
        if (accept)
        {
            grant.Accept(counsellorId, counsellorEmail, now);
        }

        db.CounsellorGrants.Add(grant);
        await db.SaveChangesAsync();
        return grant.Id;
    }
}
