using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace CareerCompass.Web.Infrastructure.Authorization;

/// <summary>
/// What someone wants to do with a record, asked the same way on every page: a page that shows a record asks for
/// <see cref="Read"/>; a page that shows a form to change it (an edit page's GET) and every handler that changes it
/// ask for <see cref="Change"/>. The owner has both; a counsellor with a grant has Read of what its scope covers,
/// never Change.
/// </summary>
public static class RecordOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Change = new() { Name = nameof(Change) };
}
