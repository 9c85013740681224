using System.Security.Claims;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Infrastructure.Time;

/// <summary>
/// Identity's principal (id, name, roles, security stamp) plus the person's time zone, so that pages know the
/// person's "today" without a query. Runs at sign-in, on <c>RefreshSignInAsync</c> (Settings calls it after a change)
/// and at every security-stamp check (every 30 seconds), which brings other devices up to date.
/// </summary>
internal sealed class AppClaimsPrincipalFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PersonClaims.TimeZoneType, user.TimeZone));
        return identity;
    }
}
