using System.Globalization;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Sharing;

/// <summary>
/// Resolves <see cref="Subject"/> before every page handler. Without a client in the route it is the signed-in
/// person. With one, the page must be a <see cref="SharedPageAttribute"/> page and the signed-in person must be
/// allowed to read that area of the client's records (<see cref="CounsellorGrantHandler"/>); otherwise the answer is
/// 404 and the handler never runs. A counsellor's successful GET is written to the client's access log afterwards,
/// in a context of its own, so it never mixes with the page's changes.
/// </summary>
internal sealed class SubjectFilter(
    Subject subject, IAuthorizationService authorization, GrantLookup grants, AppDbContext db, IServiceScopeFactory scopes, TimeProvider clock) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var userId = context.HttpContext.User.GetUserId();
        if (userId is null)
        {
            // A client's address is never public, even where the page itself is (the dashboard is the landing page).
            if (context.RouteData.Values.ContainsKey(Subject.RouteKey))
            {
                context.Result = new ChallengeResult();
                return;
            }

            await next();
            return;
        }

        if (context.RouteData.Values[Subject.RouteKey] is not string clientId)
        {
            subject.BeSelf(userId);
            await next();
            return;
        }

        var page = context.ActionDescriptor.EndpointMetadata.OfType<SharedPageAttribute>().FirstOrDefault();
        if (page is null || clientId == userId
            || !(await authorization.AuthorizeAsync(context.HttpContext.User, new AreaOf(clientId, page.Area), RecordOperations.Read)).Succeeded
            || await grants.FindAsync(userId, clientId) is not { } grant)
        {
            context.Result = new NotFoundResult();
            return;
        }

        var change = await authorization.AuthorizeAsync(context.HttpContext.User, new AreaOf(clientId, page.Area), RecordOperations.Change);
        var email = await db.Users.Where(u => u.Id == clientId).Select(u => u.Email).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        subject.BeClient(clientId, email, grant.Scope, change.Succeeded);
        var executed = await next();
        var method = context.HttpContext.Request.Method;
        if ((HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) && executed.Exception is null && executed.Result is null or PageResult)
        {
            await LogAsync(context, clientId, userId, page.Area);
        }
    }

    private async Task LogAsync(PageHandlerExecutingContext context, string clientId, string counsellorId, SharedArea area)
    {
        var recordId = context.RouteData.Values["id"] is string id && int.TryParse(id, CultureInfo.InvariantCulture, out var value) ? value : (int?)null;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.AccessLog.Add(AccessLogEntry.Of(clientId, counsellorId, area, recordId, context.HttpContext.Request.Path.Value, clock.GetUtcNow()));
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
    }
}
