using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Infrastructure.Sessions;

/// <summary>
/// The security-stamp check of a signed-in session, every <see cref="SecurityStampValidatorOptions.ValidationInterval"/>
/// (30 s), in one statement instead of Identity's five or more (the user, their roles, claims, each role's claims, the
/// review schedule, then a ticket write). It reads the account's security stamp together with what the sign-in's own
/// claims are made of — time zone, next review date, role names — and compares:
/// <list type="bullet">
/// <item>no account, or another stamp (password changed or reset, "sign out everywhere", e-mail or 2FA changed
/// elsewhere): the principal is rejected and the session signed out, as Identity's validator does;</item>
/// <item>the same stamp and the same claims: nothing to write; this instance remembers the check for one interval;</item>
/// <item>the same stamp, different claims (a new zone, a role granted or revoked, a review completed on another
/// device): the principal is rebuilt by the app's claims factory and the ticket renewed, exactly as Identity's
/// validator would have done on every check.</item>
/// </list>
/// </summary>
internal sealed class SessionStampValidator(
    AppDbContext db,
    SignInManager<AppUser> signIn,
    IOptions<SecurityStampValidatorOptions> options,
    IOptions<IdentityOptions> identity,
    StampChecks checks,
    TimeProvider clock) : ISecurityStampValidator
{
    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow();
        var interval = options.Value.ValidationInterval;
        if (context.Properties.IssuedUtc is { } issued && now - issued <= interval)
        {
            return; // signed in or renewed within the interval
        }

        var claimTypes = identity.Value.ClaimsIdentity;
        var principal = context.Principal;
        var userId = principal?.FindFirstValue(claimTypes.UserIdClaimType);
        var checkKey = DatabaseTicketStore.CurrentSessionId(context.HttpContext) is { } session && userId is not null ? session + "|" + userId : null;
        if (checkKey is not null && checks.CheckedWithin(checkKey, now, interval))
        {
            return;
        }

        var account = userId is null ? null : await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new AccountState(
                u.SecurityStamp,
                u.TimeZone,
                db.ReviewSchedules.Where(s => s.OwnerId == u.Id).Select(s => (DateOnly?)s.NextReviewOn).FirstOrDefault(),
                db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList()))
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is null || !string.Equals(account.SecurityStamp, principal!.FindFirstValue(claimTypes.SecurityStampClaimType), StringComparison.Ordinal))
        {
            if (checkKey is not null)
            {
                checks.Forget(checkKey);
            }

            context.RejectPrincipal();
            await signIn.SignOutAsync();
            return;
        }

        if (!account.Matches(principal!, claimTypes.RoleClaimType))
        {
            // Rare: something the claims carry changed elsewhere. The full factory, as Identity's validator does.
            var user = await signIn.UserManager.FindByIdAsync(userId!);
            if (user is null)
            {
                context.RejectPrincipal();
                await signIn.SignOutAsync();
                return;
            }

            context.ReplacePrincipal(await signIn.CreateUserPrincipalAsync(user));
            context.ShouldRenew = true;
            if (!context.Options.SlidingExpiration)
            {
                context.Properties.IssuedUtc = now;
            }
        }

        if (checkKey is not null)
        {
            checks.Record(checkKey, now, interval);
        }
    }

    private sealed record AccountState(string? SecurityStamp, string TimeZone, DateOnly? NextReviewOn, List<string?> Roles)
    {
        public bool Matches(ClaimsPrincipal principal, string roleClaimType) =>
            string.Equals(principal.FindFirstValue(PersonClaims.TimeZoneType), TimeZone, StringComparison.Ordinal)
            && string.Equals(
                principal.FindFirstValue(PersonClaims.NextReviewType),
                NextReviewOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                StringComparison.Ordinal)
            && principal.FindAll(roleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal)
                .SetEquals(Roles.Where(r => r is not null).Select(r => r!));
    }
}

/// <summary>
/// Which sessions this instance has checked within the interval (session key and user → when), so a session that
/// passed is not asked about again on every request until the interval is over. Per instance, in memory, one small
/// entry per session active in the last interval; another instance checks for itself.
/// </summary>
internal sealed class StampChecks
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _checked = new(StringComparer.Ordinal);
    private long _lastPruneTicks;

    public bool CheckedWithin(string key, DateTimeOffset now, TimeSpan interval) =>
        _checked.TryGetValue(key, out var at) && at <= now && now - at <= interval;

    public void Record(string key, DateTimeOffset now, TimeSpan interval)
    {
        _checked[key] = now;
        var last = Interlocked.Read(ref _lastPruneTicks);
        if (now.UtcTicks - last > interval.Ticks && Interlocked.CompareExchange(ref _lastPruneTicks, now.UtcTicks, last) == last)
        {
            foreach (var (other, at) in _checked)
            {
                if (at > now || now - at > interval)
                {
                    _checked.TryRemove(other, out _);
                }
            }
        }
    }

    public void Forget(string key) => _checked.TryRemove(key, out _);
}
