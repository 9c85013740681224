using System.Globalization;
using System.Net.Mail;
using CareerCompass.Domain.Common;
using CareerCompass.Domain.Sharing;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Email;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Sharing;

/// <summary>
/// <c>/Sharing</c>: the signed-in person's own sharing — invite a counsellor (by e-mail, choosing how much they see),
/// change what each one sees or end it (both refused from a stale tab), and who has looked at what, newest first, a
/// page at a time. Every change counts from the counsellor's next request: their access is read from the database
/// each time.
/// </summary>
public sealed partial class Index(
    AppDbContext db, UserManager<AppUser> users, PersonClock clock, IAppMailer mailer, PublicAddress address, ILogger<Index> logger) : PageModel
{
    /// <summary>Invitations a person can send in a day: enough for anyone, too few to make the form a way to send spam.</summary>
    public const int InvitationsPerDay = 10;

    public const string ChooseScope = "Please choose what you'd like to share: your plan, or your plan and reflection.";

    public const string StaleMessage =
        "This changed somewhere else (perhaps in another tab) after you opened the page, so we haven't changed anything. " +
        "Below is how it stands now — please try again if you still want to.";

    public static readonly string TooManyInvitations =
        $"You've sent {InvitationsPerDay} invitations in the last day, which is as many as we send at once. Please try again tomorrow.";

    /// <summary>Times are stored in UTC and shown on the person's own clock.</summary>
    public PersonClock Clock => clock;

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    /// <summary>Grants that are waiting or active: they have forms to change what is shared, or to end it.</summary>
    public IReadOnlyList<GrantRow> Current { get; private set; } = [];

    /// <summary>Grants that are over: expired, withdrawn or ended, newest first.</summary>
    public IReadOnlyList<GrantRow> Past { get; private set; } = [];

    public AccessLog Log { get; private set; } = AccessLog.Empty;

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync([FromQuery(Name = "page")] string? page)
    {
        ModelState.Clear(); // a page number that isn't one is page 1, not an error message
        await RemoveExpiredLogAsync(User.RequireUserId());
        await ShowAsync(page);
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var emailKey = $"{nameof(Invite)}.{nameof(InviteInput.Email)}";
        var scopeKey = $"{nameof(Invite)}.{nameof(InviteInput.Scope)}";
        ModelState.Clear();
        var scopeChosen = SharingLabels.TryParse(Invite.Scope, out var scope);
        if (!scopeChosen)
        {
            ModelState.AddModelError(scopeKey, ChooseScope);
        }

        var now = clock.UtcNow;
        CounsellorGrant grant;

        // One invitation at a time per person (SQLite's BEGIN IMMEDIATE; PostgreSQL's advisory lock on the person):
        // the same form sent twice at once can't both pass the "already invited" rule and leave two invitations.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.LockAsync($"invite:{user.Id}");
            var existing = await db.CounsellorGrants.Where(g => g.OwnerId == user.Id && g.RevokedAtUtc == null).ToListAsync();
            try
            {
                // With no scope chosen the address is still checked, so both messages show at once; nothing is saved.
                grant = CounsellorGrant.Invite(user.Id, user.Email ?? string.Empty, Invite.Email, scopeChosen ? scope : SharingScope.Plan, existing, now);
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddModelError(rule.Field == nameof(CounsellorGrant.Scope) ? scopeKey : emailKey, rule.Message);
                return await ShowAgainAsync();
            }

            if (!ModelState.IsValid)
            {
                return await ShowAgainAsync();
            }

            var dayAgo = now.UtcDateTime.AddDays(-1);
            if (await db.CounsellorGrants.CountAsync(g => g.OwnerId == user.Id && g.InvitedAtUtc > dayAgo) >= InvitationsPerDay)
            {
                ModelState.AddModelError(emailKey, TooManyInvitations);
                return await ShowAgainAsync();
            }

            db.CounsellorGrants.Add(grant);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var sent = await SendInvitationAsync(grant, user);
        var until = SharingLabels.Day(clock.Local(grant.ExpiresAtUtc));

        // The same words whether or not the address has an account: the page doesn't tell who is registered.
        StatusMessage = sent
            ? $"Invitation sent to {grant.CounsellorEmail}. It waits for them until {until}; you'll see here when they accept."
            : $"Your invitation to {grant.CounsellorEmail} is saved, but we couldn't send the e-mail just now. It waits for them until {until} — " +
              "you could let them know yourself, or withdraw it and send it again later.";
        return RedirectToPage(null, null, null, "people");
    }

    /// <summary>Changes what a waiting or active counsellor can see.</summary>
    public Task<IActionResult> OnPostScopeAsync(int id, Guid version, string? scope) => ChangeAsync(id, version, grant =>
    {
        if (!SharingLabels.TryParse(scope, out var chosen))
        {
            throw new DomainRuleException(nameof(CounsellorGrant.Scope), ChooseScope);
        }

        if (chosen == grant.Scope)
        {
            return $"Nothing to change: {grant.CounsellorEmail} already sees {SharingLabels.ForClient(chosen).ToLowerInvariant()}.";
        }

        grant.ChangeScope(chosen, clock.UtcNow);
        return $"Saved. {grant.CounsellorEmail} {(grant.AcceptedAtUtc is null ? "will see" : "now sees")} {SharingLabels.ForClient(chosen).ToLowerInvariant()}.";
    });

    /// <summary>Withdraws a waiting invitation, or stops sharing with an active counsellor, from their next request on.</summary>
    public Task<IActionResult> OnPostRevokeAsync(int id, Guid version) => ChangeAsync(id, version, grant =>
    {
        var wasActive = grant.State(clock.UtcNow) == GrantState.Active;
        grant.Revoke(clock.UtcNow);
        return wasActive
            ? $"You've stopped sharing with {grant.CounsellorEmail}. They can't see your plan any more."
            : $"Invitation to {grant.CounsellorEmail} withdrawn. It can't be accepted now.";
    }, alreadyDone: grant => grant.RevokedAtUtc is null ? null : $"That's already done: {grant.CounsellorEmail} can't see your plan.");

    /// <summary>
    /// Loads one of the person's own grants (another person's is a 404), refuses a form older than the grant (the
    /// version it was shown with), applies <paramref name="change"/> and saves; a save racing another one is refused
    /// the same way. <paramref name="alreadyDone"/> answers a repeat of a change that needs no version (revoking twice).
    /// </summary>
    private async Task<IActionResult> ChangeAsync(int id, Guid version, Func<CounsellorGrant, string> change, Func<CounsellorGrant, string?>? alreadyDone = null)
    {
        ModelState.Clear(); // a version or id that isn't one is simply stale or missing, not a message about a field
        var owner = User.RequireUserId();
        var grant = await db.CounsellorGrants.SingleOrDefaultAsync(g => g.Id == id && g.OwnerId == owner);
        if (grant is null)
        {
            return NotFound();
        }

        if (alreadyDone?.Invoke(grant) is { } answer)
        {
            StatusMessage = answer;
            return RedirectToPage(null, null, null, "people");
        }

        string message;
        try
        {
            grant.EnsureVersion(version);
            db.Entry(grant).Property(g => g.Version).OriginalValue = version;
            message = change(grant);
            await db.SaveChangesAsync();
        }
        catch (StaleRecordException)
        {
            return await RefuseAsync(StaleMessage);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefuseAsync(StaleMessage);
        }
        catch (DomainRuleException rule)
        {
            return await RefuseAsync(rule.Message);
        }

        StatusMessage = message;
        return RedirectToPage(null, null, null, "people");
    }

    private async Task<IActionResult> RefuseAsync(string message)
    {
        db.ChangeTracker.Clear();
        ModelState.AddModelError(string.Empty, message);
        return await ShowAgainAsync();
    }

    private async Task<IActionResult> ShowAgainAsync()
    {
        await ShowAsync(page: null);
        return Page();
    }

    private async Task<bool> SendInvitationAsync(CounsellorGrant grant, AppUser client)
    {
        var counsellor = await users.FindByEmailAsync(grant.CounsellorEmail);
        var isCounsellor = counsellor is not null && counsellor.Id != client.Id && await users.IsInRoleAsync(counsellor, AppRoles.Counsellor);
        var mail = isCounsellor
            ? InvitationMail.ToCounsellor(address, grant, client.Email!, PersonTimeZone.FindOrUtc(counsellor!.TimeZone))
            : InvitationMail.ToNewcomer(address, grant, client.Email!);
        try
        {
            await mailer.SendAsync(mail, CancellationToken.None);
            return true;
        }
        catch (Exception failure) when (failure is SmtpException or IOException or InvalidOperationException)
        {
            LogNotSent(logger, grant.Id, failure);
            return false;
        }
    }

    /// <summary>The person's access-log entries past <see cref="AccessLogEntry.RetentionDays"/> go when they look at it.</summary>
    private Task<int> RemoveExpiredLogAsync(string owner) => AccessLogRetention.RemoveExpiredAsync(db, clock.UtcNow, owner);

    private async Task ShowAsync(string? page)
    {
        var owner = User.RequireUserId();
        var now = clock.UtcNow;
        var grants = await db.CounsellorGrants.AsNoTracking().Where(g => g.OwnerId == owner)
            .OrderByDescending(g => g.InvitedAtUtc).ThenByDescending(g => g.Id).ToListAsync();
        var rows = grants.Select(g => GrantRow.Of(g, now)).ToList();
        Current = rows.Where(r => r.State is GrantState.Invited or GrantState.Active).ToList();
        Past = rows.Where(r => r.State is GrantState.Expired or GrantState.Revoked).ToList();
        Log = await AccessLog.LoadAsync(db, owner, now, page);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The invitation e-mail for grant {GrantId} could not be sent.")]
    private static partial void LogNotSent(ILogger logger, int grantId, Exception exception);

    public sealed class InviteInput
    {
        public string? Email { get; set; }

        /// <summary>A scope's name ("Plan", "PlanAndReflection"); anything else is "please choose".</summary>
        public string? Scope { get; set; }
    }

    /// <summary>One grant as the list shows it.</summary>
    public sealed record GrantRow(
        int Id, Guid Version, string CounsellorEmail, SharingScope Scope, GrantState State,
        DateTime InvitedAtUtc, DateTime ExpiresAtUtc, DateTime? AcceptedAtUtc, DateTime? RevokedAtUtc, bool CounsellorGone)
    {
        public static GrantRow Of(CounsellorGrant g, DateTimeOffset now) => new(
            g.Id, g.Version, g.CounsellorEmail, g.Scope, g.State(now), g.InvitedAtUtc, g.ExpiresAtUtc, g.AcceptedAtUtc, g.RevokedAtUtc,
            CounsellorGone: g.AcceptedAtUtc is not null && g.CounsellorId is null);
    }
}

/// <summary>One page of "who has looked at your plan", with the records they opened named.</summary>
public sealed record AccessLog(int Total, int PageNumber, int PageCount, IReadOnlyList<AccessLog.Row> Rows)
{
    public const int PageSize = 25;

    public static readonly AccessLog Empty = new(0, 1, 1, []);

    public bool HasPrevious => PageNumber > 1;

    public bool HasNext => PageNumber < PageCount;

    /// <summary>
    /// The page asked for (<c>?page=N</c>; anything that isn't a page number is the first, past the end is the last):
    /// a count, one query for the page's entries with the counsellors' addresses, and at most one more for the goals
    /// and reviews they name, however many rows there are.
    /// </summary>
    public static async Task<AccessLog> LoadAsync(AppDbContext db, string owner, DateTimeOffset now, string? page)
    {
        ArgumentNullException.ThrowIfNull(db);
        var cutoff = AccessLogEntry.RetentionCutoffUtc(now);
        var entries = db.AccessLog.Where(e => e.OwnerId == owner && e.AtUtc >= cutoff);
        var total = await entries.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) && asked >= 1 ? Math.Min(asked, pageCount) : 1;
        if (total == 0)
        {
            return new AccessLog(0, 1, 1, []);
        }

        var found = await (
            from e in entries.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Skip((number - 1) * PageSize).Take(PageSize)
            join u in db.Users on e.CounsellorId equals u.Id into counsellors
            from u in counsellors.DefaultIfEmpty()
            select new { e.Id, e.Area, e.RecordId, e.AtUtc, Email = u == null ? null : u.Email })
            .AsNoTracking().ToListAsync();

        var goalIds = found.Where(e => e.Area == SharedArea.Goals && e.RecordId != null).Select(e => e.RecordId!.Value).Distinct().ToList();
        var reviewIds = found.Where(e => e.Area == SharedArea.Reviews && e.RecordId != null).Select(e => e.RecordId!.Value).Distinct().ToList();
        var named = new Dictionary<(SharedArea, int), string>();
        if (goalIds.Count + reviewIds.Count > 0)
        {
            var records = await db.Goals.Where(g => g.OwnerId == owner && goalIds.Contains(g.Id))
                .Select(g => new { Area = SharedArea.Goals, g.Id, Statement = (string?)g.Statement, On = (DateOnly?)null })
                .Concat(db.Reviews.Where(r => r.OwnerId == owner && reviewIds.Contains(r.Id))
                    .Select(r => new { Area = SharedArea.Reviews, r.Id, Statement = (string?)null, On = (DateOnly?)(r.CompletedOn ?? r.StartedOn) }))
                .ToListAsync();
            foreach (var record in records)
            {
                named[(record.Area, record.Id)] = record.Area == SharedArea.Goals
                    ? $"Goal: “{record.Statement}”"
                    : $"Your review of {Pages.Goals.GoalLabels.LongDate(record.On!.Value)}";
            }
        }

        var rows = found.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => Describe(e.Id, e.Email, e.Area, e.RecordId, e.AtUtc, named)).ToList();
        return new AccessLog(total, number, pageCount, rows);
    }

    private static Row Describe(int id, string? email, SharedArea area, int? recordId, DateTime atUtc, Dictionary<(SharedArea, int), string> named)
    {
        var who = email ?? Comment.FormerCounsellor;
        var (what, link) = (area, recordId) switch
        {
            (SharedArea.Goals, { } goal) => named.TryGetValue((area, goal), out var statement)
                ? (statement, $"/Goals/{goal.ToString(CultureInfo.InvariantCulture)}")
                : ("A goal that's no longer there", null),
            (SharedArea.Reviews, { } review) => named.TryGetValue((area, review), out var date)
                ? (date, $"/Reviews/{review.ToString(CultureInfo.InvariantCulture)}")
                : ("A review that's no longer there", null),
            (SharedArea.Goals, null) => ("Your goals", "/Goals"),
            (SharedArea.Reviews, null) => ("Your reviews", "/Reviews"),
            (SharedArea.Reflection, _) => ("Your reflection", "/Reflection/Summary"),
            (SharedArea.Contacts, _) => ("Your contacts", "/Contacts"),
            _ => ("Your dashboard", (string?)"/"),
        };
        return new Row(id, who, what, link, atUtc);
    }

    public sealed record Row(int Id, string Counsellor, string What, string? Link, DateTime AtUtc);
}
