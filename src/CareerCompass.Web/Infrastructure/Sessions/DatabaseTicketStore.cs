using System.Security.Claims;
using System.Security.Cryptography;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Sessions;

/// <summary>
/// Keeps sign-in tickets in the database (<see cref="AuthSession"/>): the cookie holds only a random key, so a cookie
/// copied before sign-out stops working the moment its row is gone — on every instance sharing the database.
/// </summary>
internal sealed class DatabaseTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    private const string CurrentKey = "CareerCompass.SessionId";

    /// <summary>How stale "last seen" may get before a request writes it again (one write per session per interval).</summary>
    private static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(5);

    /// <summary>The one query every signed-in request runs, compiled (see <see cref="CompiledQuery{TQuery}"/>).</summary>
    private static readonly CompiledQuery<Func<AppDbContext, string, CancellationToken, Task<StoredTicket?>>> FindSession = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string key, CancellationToken cancellationToken) => db.AuthSessions.AsNoTracking()
            .Where(s => s.Id == key)
            .Select(s => new StoredTicket(s.Ticket, s.LastSeenAtUtc))
            .FirstOrDefault()));

    private static Task<StoredTicket?> FindSessionAsync(AppDbContext db, string key, CancellationToken cancellationToken) =>
        FindSession.For(db)(db, key, cancellationToken);

    private readonly IDataProtector _protector = protection.CreateProtector("CareerCompass.AuthSessions.v1");

    /// <summary>The session this request is signed in with, once the cookie handler has read it.</summary>
    public static string? CurrentSessionId(HttpContext context) => context.Items[CurrentKey] as string;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null, CancellationToken.None);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("A sign-in ticket without a user id cannot be stored.");
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new AuthSession
        {
            Id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            UserId = userId,
            Ticket = Protect(ticket),
            Device = DeviceName.From(httpContext?.Request.Headers.UserAgent.ToString()),
            CreatedAtUtc = now,
            LastSeenAtUtc = now,
            ExpiresAtUtc = ticket.Properties.ExpiresUtc?.UtcDateTime,
        };

        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.AuthSessions.Where(s => s.UserId == userId && s.ExpiresAtUtc < now).ExecuteDeleteAsync(cancellationToken);
        db.AuthSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        if (httpContext is not null)
        {
            httpContext.Items[CurrentKey] = session.Id;
        }

        return session.Id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null, CancellationToken.None);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow().UtcDateTime;
        var protectedTicket = Protect(ticket);
        var expires = ticket.Properties.ExpiresUtc?.UtcDateTime;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        // A session ended elsewhere in the meantime stays ended: nothing to renew.
        var renewed = await db.AuthSessions.Where(s => s.Id == key && s.UserId == userId).ExecuteUpdateAsync(
            set => set.SetProperty(s => s.Ticket, protectedTicket).SetProperty(s => s.ExpiresAtUtc, expires).SetProperty(s => s.LastSeenAtUtc, now),
            cancellationToken);
        if (renewed == 0)
        {
            // Someone signed in over another person's live session (the cookie handler keeps the key it had): the
            // key is known to whoever held that session, so it may not carry this person's ticket. End it; they
            // sign in again and get a key of their own.
            await db.AuthSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
        }
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null, CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await FindSessionAsync(db, key, cancellationToken);
        if (session is null)
        {
            return null;
        }

        var ticket = Unprotect(session.Ticket);
        if (ticket is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (now - session.LastSeenAtUtc > LastSeenResolution)
        {
            await db.AuthSessions.Where(s => s.Id == key).ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAtUtc, now), cancellationToken);
        }

        if (httpContext is not null)
        {
            httpContext.Items[CurrentKey] = key;
        }

        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null, CancellationToken.None);

    public async Task RemoveAsync(string key, HttpContext? httpContext, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.AuthSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] data)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(data));
        }
        catch (CryptographicException)
        {
            // The key ring was replaced: the person signs in again.
            return null;
        }
    }

    private sealed record StoredTicket(byte[] Ticket, DateTime LastSeenAtUtc);
}
