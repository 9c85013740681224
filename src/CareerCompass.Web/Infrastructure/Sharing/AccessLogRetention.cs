using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>
/// Access-log entries are kept for <see cref="AccessLogEntry.RetentionDays"/> days. Older ones are never shown, and
/// they are deleted: a person's own whenever they open their sharing page, and everyone's when this is called
/// without an owner (one statement, on the <c>AtUtc</c> index).
/// </summary>
public static class AccessLogRetention
{
    /// <summary>Deletes entries past retention at <paramref name="now"/> — only <paramref name="ownerId"/>'s, when given. Returns how many.</summary>
    public static Task<int> RemoveExpiredAsync(AppDbContext db, DateTimeOffset now, string? ownerId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cutoff = AccessLogEntry.RetentionCutoffUtc(now);
        var expired = db.AccessLog.Where(e => e.AtUtc < cutoff);
        if (ownerId is not null)
        {
            expired = expired.Where(e => e.OwnerId == ownerId);
        }

        return expired.ExecuteDeleteAsync();
    }
}
