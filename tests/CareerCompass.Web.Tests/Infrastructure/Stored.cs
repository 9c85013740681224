using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>Reads (or seeds) what is stored, straight from the app's own database, for checks after HTTP requests.</summary>
public static class Stored
{
    public static async Task<T> ReadAsync<T>(this CareerCompassFactory app, Func<AppDbContext, Task<T>> read)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await read(db);
    }

    public static async Task WriteAsync(this CareerCompassFactory app, Func<AppDbContext, Task> write)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await write(db);
        await db.SaveChangesAsync();
    }

    public static Task<string> UserIdAsync(this CareerCompassFactory app, string email) =>
        app.ReadAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>Another browser signed in as the same person: a second device, or a second tab with its own cookies.</summary>
    public static async Task<TestBrowser> SignInAgainAsync(this CareerCompassFactory app, string email)
    {
        var browser = app.NewBrowser();
        await browser.SignInAsync(email);
        return browser;
    }
}
