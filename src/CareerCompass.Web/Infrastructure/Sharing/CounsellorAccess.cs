using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>
/// The one definition of "this counsellor may see this client now", shared by the grant authorization handler and
/// the caseload: the grant was accepted by this counsellor and not revoked, and the counsellor still holds the
/// Counsellor role in the database (not only in their sign-in cookie), so revoking the role ends every client's
/// access on the counsellor's next request. The scope is checked by the caller (<see cref="CounsellorGrant.Allows"/>).
/// </summary>
public static class CounsellorAccess
{
    public const string Policy = "Counsellor";

    private static readonly string CounsellorRole = AppRoles.Counsellor.ToUpperInvariant();

    /// <summary>Every grant through which some counsellor can see their client right now.</summary>
    public static IQueryable<CounsellorGrant> LiveGrants(this AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.CounsellorGrants.Where(g => g.CounsellorId != null && g.AcceptedAtUtc != null && g.RevokedAtUtc == null
            && db.UserRoles.Any(ur => ur.UserId == g.CounsellorId && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == CounsellorRole)));
    }

    // The same rule as LiveGrants, written out again: a compiled query can't call LiveGrants (EF can't see into it),
    // and a person's own goal page and reviews ask this on every view. CounsellorAccessTests holds the two to the
    // same answers in every state a grant and a role can be in.
    private static readonly CompiledQuery<Func<AppDbContext, string, Task<bool>>> SharesQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string owner) => db.CounsellorGrants.Any(g => g.OwnerId == owner
            && g.CounsellorId != null && g.AcceptedAtUtc != null && g.RevokedAtUtc == null
            && db.UserRoles.Any(ur => ur.UserId == g.CounsellorId && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == CounsellorRole)))));

    /// <summary>Whether <paramref name="ownerId"/> shares their plan with some counsellor now (a live grant), so a comment of theirs has a reader.</summary>
    public static Task<bool> SharesWithACounsellorAsync(this AppDbContext db, string ownerId) => SharesQuery.For(db)(db, ownerId);

    /// <summary>Grants through which <paramref name="counsellorId"/> can see a client right now, one per client.</summary>
    public static IQueryable<CounsellorGrant> ActiveGrantsOf(this AppDbContext db, string counsellorId) =>
        db.LiveGrants().Where(g => g.CounsellorId == counsellorId);
}
