using System.Globalization;
using System.Security.Claims;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Reviews;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Infrastructure.Time;

/// <summary>
/// Identity's principal (id, name, roles, security stamp) plus the person's time zone and next review date, so that
/// pages know the person's "today" and whether a review is due without a query. Runs at sign-in, on
/// <c>RefreshSignInAsync</c> (Settings and the review wizard call it after a change) and at every security-stamp
/// check (every 30 seconds), which brings other devices up to date.
/// </summary>
internal sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, ReviewPlanning planning)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PersonClaims.TimeZoneType, user.TimeZone));
        var schedule = await planning.ScheduleForAsync(user.Id, PersonTimeZone.FindOrUtc(user.TimeZone));
        identity.AddClaim(new Claim(PersonClaims.NextReviewType, schedule.NextReviewOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return identity;
    }
}
