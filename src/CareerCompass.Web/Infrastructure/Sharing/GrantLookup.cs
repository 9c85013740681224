using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>
/// The live grant from a client to a counsellor, read at most once per request (a page that authorizes a goal, its
/// milestones and its comments asks once), and never cached beyond the request.
/// </summary>
public sealed class GrantLookup(AppDbContext db)
{
    private readonly Dictionary<(string Counsellor, string Client), CounsellorGrant?> _found = [];

    public async Task<CounsellorGrant?> FindAsync(string counsellorId, string clientId)
    {
        if (!_found.TryGetValue((counsellorId, clientId), out var grant))
        {
            grant = await db.ActiveGrantsOf(counsellorId).AsNoTracking()
                .Where(g => g.OwnerId == clientId)
                .OrderByDescending(g => g.Id)
                .FirstOrDefaultAsync();
            _found[(counsellorId, clientId)] = grant;
        }

        return grant;
    }
}
