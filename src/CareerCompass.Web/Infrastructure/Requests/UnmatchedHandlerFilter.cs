using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CareerCompass.Web.Infrastructure.Requests;

/// <summary>
/// A POST (or any other non-GET request) that no handler of the page answers gets 400 and the friendly error page.
/// Razor Pages, when it finds no handler for a request (no <c>OnPost</c>, or an unknown <c>?handler=</c> on a page
/// whose post handlers all have names), does not refuse it: it renders the page as if for a GET, without running
/// any handler — so a page whose model is filled in by its handlers would fail with a 500. GET and HEAD still
/// render handler-less pages (Privacy, About your data) as before.
/// </summary>
public sealed class UnmatchedHandlerFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var method = context.HttpContext.Request.Method;
        if (context.HandlerMethod is null && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
        {
            context.Result = new BadRequestResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
