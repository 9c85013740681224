using CareerCompass.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareerCompass.Web.Infrastructure.Authorization;

/// <summary>
/// The owner of a record may read and change it. Other handlers may grant more (a counsellor's read access);
/// none of them can take the owner's away, and nobody else gets anything by default.
/// </summary>
internal sealed class OwnerAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, IOwnedRecord>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, IOwnedRecord resource)
    {
        var userId = context.User.GetUserId();
        if (userId is not null && string.Equals(userId, resource.OwnerId, StringComparison.Ordinal))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
