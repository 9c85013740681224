using CareerCompass.Domain.Common;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>
/// A counsellor may <see cref="RecordOperations.Read"/> a client's record when the client's grant to them is live
/// (<see cref="CounsellorAccess"/>) and its scope covers the record's area. It never grants
/// <see cref="RecordOperations.Change"/>. Scoped, because it asks the database (once per client per request, through
/// <see cref="GrantLookup"/>), so a revoked grant or a narrowed scope counts from the counsellor's next request.
/// </summary>
internal sealed class CounsellorGrantHandler(GrantLookup grants, TimeProvider clock)
    : AuthorizationHandler<OperationAuthorizationRequirement, IOwnedRecord>
{
    protected override async Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, IOwnedRecord resource)
    {
        if (requirement != RecordOperations.Read || SharedAreas.Of(resource) is not { } area)
        {
            return;
        }

        var userId = context.User.GetUserId();
        if (userId is null || userId == resource.OwnerId)
        {
            return;
        }

        var grant = await grants.FindAsync(userId, resource.OwnerId);
        if (grant is not null && grant.Allows(userId, area, clock.GetUtcNow()))
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Which part of a client's records a record belongs to; null for anything a counsellor never sees.</summary>
public static class SharedAreas
{
    public static SharedArea? Of(IOwnedRecord record) => record switch
    {
        AreaOf part => part.Area,
        Goal or Milestone or PlanItem or GoalRevision => SharedArea.Goals,
        Review or ReviewSchedule => SharedArea.Reviews,
        ReflectionStep => SharedArea.Reflection,
        Comment comment => comment.Area,
        _ => null,
    };
}
