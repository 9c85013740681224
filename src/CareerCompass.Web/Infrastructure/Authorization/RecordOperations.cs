using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareerCompass.Web.Infrastructure.Authorization;

/// <summary>What someone wants to do with a record. Counsellors (wave 2) will be granted Read, never Change.</summary>
public static class RecordOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Change = new() { Name = nameof(Change) };
}
