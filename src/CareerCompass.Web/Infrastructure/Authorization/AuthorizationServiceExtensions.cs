using System.Security.Claims;
using CareerCompass.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareerCompass.Web.Infrastructure.Authorization;

public static class AuthorizationServiceExtensions
{
    /// <summary>
    /// May this person do this to this record? Pages answer "no" with 404 rather than 403, so nobody learns that
    /// someone else's record exists.
    /// </summary>
    public static async Task<bool> MayAsync(
        this IAuthorizationService authorization, ClaimsPrincipal user, IOwnedRecord? record, OperationAuthorizationRequirement operation)
    {
        if (record is null)
        {
            return false;
        }

        var result = await authorization.AuthorizeAsync(user, record, operation);
        return result.Succeeded;
    }
}
