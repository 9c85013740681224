using System.Globalization;
using System.Text.Json;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using CareerCompass.Domain.Common;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.RateLimiting;

namespace CareerCompass.Web.Pages.Goals;

/// <summary>
/// <c>POST /api/goals/smart-check</c>: the live SMART coach as JSON, for the goal editor's script and anyone trying
/// a goal statement. It takes everything the saved check uses, the confidence plan included (<c>confidencePlan</c>), so
/// the verdict is the same live, after saving and on the goal page; <c>summary</c> is the compact coach's one line. Anonymous, changes nothing, rate-limited per client address; bad input gets a 400 with a message.
/// "Today" (a deadline must be after it) is the signed-in person's, or that of the optional <c>timeZone</c> sent
/// (an IANA id), or UTC. Answers are about one person's draft, so none is ever cached (<c>Cache-Control: no-store</c>), refusals included.
/// </summary>
public static class SmartCheckApi
{
    public const string Route = "/api/goals/smart-check";
    public const string RateLimitPolicy = "smart-check";
    public const int MaxBodyBytes = 16 * 1024;
    public const int MaxStatementLength = 1000;
    public const int MaxFieldLength = Goal.FieldLength;

    private const string NoStore = "no-store";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddSmartCheckRateLimit(this IServiceCollection services, IConfiguration config)
    {
        var perMinute = config.GetValue("RateLimits:SmartCheckPerMinute", 120);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, token) =>
            {
                context.HttpContext.Response.Headers.CacheControl = NoStore;
                context.HttpContext.Response.ContentType = "application/json";
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new ValueTask(context.HttpContext.Response.WriteAsync(
                    """{"error":"That's a lot of checks in a short time. Please wait a moment and try again."}""", token));
            };
            options.AddPolicy(RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }

    public static void MapSmartCheck(this IEndpointRouteBuilder app) =>
        app.MapPost(Route, HandleAsync).AllowAnonymous().RequireRateLimiting(RateLimitPolicy).DisableAntiforgery();

    private static async Task<IResult> HandleAsync(HttpContext context, TimeProvider clock)
    {
        context.Response.Headers.CacheControl = NoStore;
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Problem($"Please send at most {MaxBodyBytes / 1024} KB.");
        }

        // Read at most one byte more than allowed, so an oversized body is refused without buffering it whole.
        var buffer = new byte[MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await context.Request.Body.ReadAsync(buffer.AsMemory(length), context.RequestAborted)) > 0)
        {
            length += read;
        }

        if (length > MaxBodyBytes)
        {
            return Problem($"Please send at most {MaxBodyBytes / 1024} KB.");
        }

        // The parser leaves bytes inside strings to be decoded later, where bad ones would throw; refuse them here.
        if (!Utf8.IsValid(buffer.AsSpan(0, length)))
        {
            return Problem("Some of the text couldn't be read. Please send it as UTF-8.");
        }

        JsonElement body;
        try
        {
            body = JsonSerializer.Deserialize<JsonElement>(buffer.AsSpan(0, length), Json);
        }
        catch (JsonException)
        {
            return Problem("That isn't valid JSON. Send an object such as {\"statement\": \"Become a team lead within two years\"}.");
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return Problem("Send a JSON object with at least a \"statement\".");
        }

        if (!NamesReadable(body))
        {
            return Problem("A field name has characters that can't be read. Please use names such as \"statement\" as plain text.");
        }

        var errors = new List<string>();
        var statement = Text(body, "statement", MaxStatementLength, errors, required: true);
        var measure = Text(body, "measure", MaxFieldLength, errors);
        var target = Text(body, "target", MaxFieldLength, errors);
        var horizon = Text(body, "horizon", 40, errors) switch
        {
            null => (GoalHorizon?)null,
            "short" => GoalHorizon.ShortTerm,
            "medium" => GoalHorizon.MediumTerm,
            "long" => GoalHorizon.LongTerm,
            _ => Error<GoalHorizon?>(errors, "\"horizon\" must be \"short\", \"medium\", \"long\" or null."),
        };
        var deadlineText = Text(body, "deadline", 40, errors);
        DateOnly? deadline = null;
        if (deadlineText is not null)
        {
            if (DateOnly.TryParseExact(deadlineText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                deadline = parsed;
            }
            else
            {
                errors.Add("\"deadline\" must be a date written yyyy-mm-dd, or null.");
            }
        }

        var confidence = Number(body, "confidence", 1, 10, errors);
        // The plan for raising a low confidence: the saved check counts it when it has any words, so this one does too.
        var confidencePlan = Text(body, "confidencePlan", Limits.LongText, errors);
        var linked = Number(body, "linkedItems", 0, 1000, errors);
        var zoneText = Text(body, "timeZone", 100, errors);
        var zone = TimeZoneInfo.Utc;
        if (zoneText is not null && !PersonTimeZone.TryFind(zoneText, out zone))
        {
            errors.Add("\"timeZone\" must be an IANA time zone this server knows, such as \"Europe/London\", or null.");
        }
        if (errors.Count > 0)
        {
            return Problem(string.Join(" ", errors));
        }

        // "Today" on the person's calendar: a signed-in person's own zone, else the one sent, else UTC.
        var today = PersonalDate.Today(clock.GetUtcNow(), context.User.Identity?.IsAuthenticated == true ? context.User.TimeZone() : zone ?? TimeZoneInfo.Utc);
        var verdict = SmartCoach.Check(new SmartInput(statement!, horizon, measure, target, deadline, confidence, linked, !string.IsNullOrWhiteSpace(confidencePlan)), today);
        return Results.Ok(new
        {
            specific = Shape(verdict.Specific),
            measurable = Shape(verdict.Measurable),
            achievable = Shape(verdict.Achievable),
            relevant = Shape(verdict.Relevant),
            timeBound = Shape(verdict.TimeBound),
            summary = CoachSummary.Of(verdict),
        });
    }

    public static object Shape(SmartCriterion criterion) => new { status = StatusName(criterion.Status), advice = criterion.Advice };

    public static string StatusName(SmartStatus status) => status switch
    {
        SmartStatus.Met => "met",
        SmartStatus.NotYet => "notYet",
        _ => "needsInput",
    };

    private static IResult Problem(string message) => Results.BadRequest(new { error = message });

    private static T Error<T>(List<string> errors, string message)
    {
        errors.Add(message);
        return default!;
    }

    /// <summary>False when a name holds half a character (an escape such as "\udc00"), which looking a field up would trip on.</summary>
    private static bool NamesReadable(JsonElement body)
    {
        try
        {
            foreach (var property in body.EnumerateObject())
            {
                _ = property.Name;
            }

            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement body, string name, int max, List<string> errors, bool required = false)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                errors.Add($"\"{name}\" is required.");
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add($"\"{name}\" must be text.");
            return null;
        }

        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escape such as "\ud800" on its own: half of a character, which no text can hold.
            errors.Add($"\"{name}\" has characters that can't be read. Please type or paste it again.");
            return null;
        }

        if (text.Length > max)
        {
            errors.Add($"\"{name}\" can be at most {max} characters.");
            return null;
        }

        return text;
    }

    private static int? Number(JsonElement body, string name, int min, int max, List<string> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number) || number < min || number > max)
        {
            errors.Add($"\"{name}\" must be a whole number from {min} to {max}, or null.");
            return null;
        }

        return number;
    }
}
