using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Sessions;

public sealed record SessionSummary(string Id, string Device, DateTime SignedInAtUtc, DateTime LastSeenAtUtc, bool IsThisDevice);

/// <summary>A person's signed-in sessions, for the account page, and the ways to end them.</summary>
public sealed class UserSessions(AppDbContext db, IHttpContextAccessor http, TimeProvider clock)
{
    private string? Current => http.HttpContext is { } context ? DatabaseTicketStore.CurrentSessionId(context) : null;

    public async Task<IReadOnlyList<SessionSummary>> ListAsync(string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = Current;
        var sessions = await db.AuthSessions.AsNoTracking()
            .Where(s => s.UserId == userId && (s.ExpiresAtUtc == null || s.ExpiresAtUtc > now))
            .Select(s => new { s.Id, s.Device, s.CreatedAtUtc, s.LastSeenAtUtc })
            .ToListAsync();
        return sessions
            .Select(s => new SessionSummary(s.Id, s.Device, s.CreatedAtUtc, s.LastSeenAtUtc, s.Id == current))
            .OrderByDescending(s => s.IsThisDevice).ThenByDescending(s => s.LastSeenAtUtc)
            .ToList();
    }

    /// <summary>Ends one of this person's sessions; false when it is not theirs or already ended.</summary>
    public async Task<bool> EndAsync(string userId, string sessionId) =>
        await db.AuthSessions.Where(s => s.UserId == userId && s.Id == sessionId).ExecuteDeleteAsync() > 0;

    /// <summary>Ends every session of this person but the one this request came with.</summary>
    public async Task<int> EndOthersAsync(string userId)
    {
        var current = Current;
        return await db.AuthSessions.Where(s => s.UserId == userId && s.Id != current).ExecuteDeleteAsync();
    }

    public async Task<int> EndAllAsync(string userId) =>
        await db.AuthSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();
}
