using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Pages;

/// <summary>
/// The friendly page for every error and status code (404, 400 from a stale form, 500). It is re-executed for
/// whatever request failed, POSTs included, so it takes no antiforgery token and never shows technical details.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorPage : PageModel
{
    public int Code { get; private set; } = 500;

    public string? RequestId { get; private set; }

    // No model binding at all: the failed request's form (or query) may be the very thing that could not be read.
    public void OnGet() => Show();

    public void OnPost() => Show();

    private void Show()
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        var handlingException = HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (!reExecuted && !handlingException)
        {
            // Asked for directly, /Error is just an address with nothing at it.
            Code = StatusCodes.Status404NotFound;
            Response.StatusCode = Code;
            return;
        }

        int? code = int.TryParse(Request.Query["code"], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        // Re-executed by the status-code pages, the code comes in the query; re-executed by the exception handler,
        // the response already carries it (400 for a request that could not be read, 500 otherwise).
        Code = code is >= 400 and < 600 ? code.Value : Response.StatusCode is >= 400 and < 600 ? Response.StatusCode : 500;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (!reExecuted)
        {
            Response.StatusCode = Code;
        }
    }
}
