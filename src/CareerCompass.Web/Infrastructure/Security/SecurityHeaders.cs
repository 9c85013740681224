namespace CareerCompass.Web.Infrastructure.Security;

/// <summary>Headers sent with every response. No inline scripts anywhere: everything the app runs is a file it serves.</summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers.XFrameOptions = "DENY";

                // Pages, personal data, downloads and API answers are never kept by a browser or a proxy; only the
                // static files, which set their own caching, may be.
                if (!headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
}

/// <summary>
/// Puts the security headers outside every other middleware, the framework's host filtering included, so even a
/// request refused before the app's own pipeline gets them.
/// </summary>
internal sealed class SecurityHeadersStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseSecurityHeaders();
        app.UseRequestSizeGuard();
        next(app);
    };
}

/// <summary>
/// Kestrel answers an over-long URL or header block itself, bare (no security headers, no page). Its limits are
/// raised well above these (see Program.cs), so the app refuses such requests here, with the headers and a short
/// message; only a request beyond Kestrel's raised limits, or not HTTP at all, still gets Kestrel's own answer.
/// </summary>
internal static class RequestSizeGuard
{
    public const int MaxUrlLength = 8 * 1024;
    public const int MaxHeadersLength = 32 * 1024;
    public const int KestrelRequestLineLimit = 64 * 1024;
    public const int KestrelHeadersLimit = 96 * 1024;

    public static IApplicationBuilder UseRequestSizeGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            var urlLength = (request.Path.Value?.Length ?? 0) + (request.QueryString.Value?.Length ?? 0);
            if (urlLength > MaxUrlLength)
            {
                await RefuseAsync(context, StatusCodes.Status414UriTooLong, "That address is too long. Please go back and follow a link from the site.");
                return;
            }

            var headersLength = 0;
            foreach (var (key, values) in request.Headers)
            {
                headersLength += key.Length;
                foreach (var value in values)
                {
                    headersLength += value?.Length ?? 0;
                }
            }

            if (headersLength > MaxHeadersLength)
            {
                await RefuseAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge, "Your browser sent more than we can read. Clearing this site's cookies usually helps.");
                return;
            }

            await next(context);
        });

    private static Task RefuseAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(message);
    }
}
