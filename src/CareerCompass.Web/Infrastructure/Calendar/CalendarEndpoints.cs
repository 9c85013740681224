using System.Text;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Reviews;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Infrastructure.Calendar;

/// <summary>
/// The calendar's two addresses. <c>/Reviews/calendar.ics</c> is a download for the signed-in person, of their own
/// data only. <c>/calendar/{token}.ics</c> is the private subscription address a calendar app polls: no sign-in, no
/// cookie, no session read (it answers straight from routing, like the static files, so neither the session store
/// nor any rate limit sees it); the 256-bit token is the only key, and a token of the wrong shape, unknown or
/// renewed answers 404 exactly like any address that isn't there. Neither is ever cached.
/// </summary>
public static class CalendarEndpoints
{
    public const string DownloadPath = "/Reviews/calendar.ics";

    public static IServiceCollection AddCalendar(this IServiceCollection services) => services.AddScoped<CalendarFeed>();

    public static void MapCalendar(this IEndpointRouteBuilder app)
    {
        // Signed in (the fallback policy): a visitor is sent to the sign-in page.
        app.MapGet(DownloadPath, async (HttpContext http, ReviewPlanning planning, PersonClock clock, CalendarFeed feed) =>
        {
            var schedule = await planning.ScheduleForAsync(http.User.RequireUserId(), clock.Zone, http.RequestAborted);
            return await CalendarAsync(http, feed, schedule, download: true);
        });

        app.MapGet("/calendar/{token}.ics", async (string token, HttpContext http, AppDbContext db, CalendarFeed feed) =>
        {
            if (!IsTokenShaped(token))
            {
                return Results.NotFound();
            }

            var schedule = await db.ReviewSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.CalendarToken == token, http.RequestAborted);
            return schedule is null ? Results.NotFound() : await CalendarAsync(http, feed, schedule, download: false);
        }).AllowAnonymous().ShortCircuit();
    }

    /// <summary>What <see cref="ReviewSchedule"/> makes: 43 characters of base64url.</summary>
    public static bool IsTokenShaped(string? token) =>
        token is { Length: ReviewSchedule.TokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static async Task<IResult> CalendarAsync(HttpContext http, CalendarFeed feed, ReviewSchedule schedule, bool download)
    {
        var ics = await feed.CalendarForAsync(schedule, http.RequestAborted);
        http.Response.Headers.CacheControl = "no-store";
        var bytes = Encoding.UTF8.GetBytes(ics);
        return download
            ? Results.File(bytes, Domain.Calendar.CalendarWriter.ContentType, CalendarFeed.FileName)
            : Results.Bytes(bytes, Domain.Calendar.CalendarWriter.ContentType);
    }
}
