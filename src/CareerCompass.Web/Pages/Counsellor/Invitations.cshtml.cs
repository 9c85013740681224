using CareerCompass.Domain.Common;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Time;
using CareerCompass.Web.Pages.Sharing;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Counsellor;

/// <summary>
/// <c>/Counsellor/Invitations</c> (Counsellor role, as the whole folder): the invitations waiting for the signed-in
/// counsellor's e-mail address, and accepting one. An invitation sent to another address is a 404 here; one that
/// has expired or been withdrawn since the page was shown says so; one the client changed since is refused as stale.
/// </summary>
public sealed class Invitations(AppDbContext db, UserManager<AppUser> users, PersonClock clock) : PageModel
{
    public const string StaleMessage =
        "The person who invited you changed this invitation after you opened the page, so we haven't accepted it yet. " +
        "Please look at it again below.";

    public IReadOnlyList<Row> Waiting { get; private set; } = [];

    /// <summary>Times are stored in UTC and shown on the counsellor's own clock.</summary>
    public PersonClock Clock => clock;

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }

        await ShowAsync(me);
        return Page();
    }

    public async Task<IActionResult> OnPostAcceptAsync(int id, Guid version)
    {
        ModelState.Clear(); // a version that isn't one is simply stale
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }

        var address = CounsellorGrant.Normalize(me.Email ?? string.Empty);
        var grant = await db.CounsellorGrants.SingleOrDefaultAsync(g => g.Id == id && g.NormalizedEmail == address);
        if (grant is null)
        {
            return NotFound();
        }

        var now = clock.UtcNow;
        try
        {
            // Expired, withdrawn or already accepted says so (the domain's words) before any talk of versions.
            if (grant.State(now) == GrantState.Invited)
            {
                grant.EnsureVersion(version);
                db.Entry(grant).Property(g => g.Version).OriginalValue = version;
            }

            grant.Accept(me.Id, me.Email, now);
            await db.SaveChangesAsync();
        }
        catch (DomainRuleException rule)
        {
            return await RefuseAsync(me, rule.Message);
        }
        catch (Exception stale) when (stale is StaleRecordException or DbUpdateConcurrencyException)
        {
            return await RefuseAsync(me, StaleMessage);
        }

        var client = await db.Users.Where(u => u.Id == grant.OwnerId).Select(u => u.Email).SingleOrDefaultAsync();
        StatusMessage = $"Accepted. You can now see {client}'s {SharingLabels.ForCounsellor(grant.Scope).Replace("their ", string.Empty, StringComparison.Ordinal)}. " +
            "They can change what you see or stop sharing at any time.";
        return RedirectToPage();
    }

    private async Task<IActionResult> RefuseAsync(AppUser me, string message)
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError(string.Empty, message);
        await ShowAsync(me);
        return Page();
    }

    private async Task ShowAsync(AppUser me)
    {
        var address = CounsellorGrant.Normalize(me.Email ?? string.Empty);
        var now = clock.UtcNow.UtcDateTime;
        Waiting = await (
            from g in db.CounsellorGrants
            where g.NormalizedEmail == address && g.OwnerId != me.Id && g.AcceptedAtUtc == null && g.RevokedAtUtc == null && g.ExpiresAtUtc > now
            join u in db.Users on g.OwnerId equals u.Id
            orderby g.InvitedAtUtc descending, g.Id descending
            select new Row(g.Id, g.Version, u.Email ?? string.Empty, g.Scope, g.InvitedAtUtc, g.ExpiresAtUtc))
            .AsNoTracking().ToListAsync();
    }

    public sealed record Row(int Id, Guid Version, string ClientEmail, SharingScope Scope, DateTime InvitedAtUtc, DateTime ExpiresAtUtc);
}
