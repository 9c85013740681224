using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Areas.Identity.Pages.Account.Manage;

/// <summary>
/// "Download your data": one JSON file, described by docs/data-export.schema.json (see docs/data-export.md), with a
/// <c>schemaVersion</c>, the time it was made, the account's own fields (never its password hash, security stamp,
/// authenticator key or recovery codes), and everything the person keeps here — the seven reflection steps, goals
/// with their milestones, action plans and history, contacts, reviews with their answers, the review schedule and
/// reminders — and their sharing: the counsellors they invited, comments on their records and the ones they wrote,
/// and who looked at what (the access log, within its two years). Property names are camelCase and stable: a change
/// to them is a new <see cref="SchemaVersion"/>.
/// </summary>
public sealed class DownloadPersonalData(UserManager<AppUser> users, AppDbContext db, TimeProvider clock, ILogger<DownloadPersonalData> logger) : PageModel
{
    /// <summary>The version of the file's shape; docs/data-export.schema.json says the same.</summary>
    public const int SchemaVersion = 2;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(), new UtcTimes() },
    };

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        logger.LogInformation("A person asked for their personal data.");
        var now = clock.GetUtcNow();
        var logins = (await users.GetLoginsAsync(user)).Select(l => new { provider = l.LoginProvider, displayName = l.ProviderDisplayName }).ToList();
        var data = new Dictionary<string, object?>
        {
            ["schemaVersion"] = SchemaVersion,
            ["exportedAt"] = now.UtcDateTime,
            ["account"] = new
            {
                user.Id,
                user.UserName,
                user.Email,
                user.EmailConfirmed,
                user.PhoneNumber,
                user.PhoneNumberConfirmed,
                user.TwoFactorEnabled,
                user.TimeZone,
                ExternalLogins = logins,
            },
        };
        await AddRecordsAsync(data, user.Id, now);

        Response.Headers.TryAdd("Content-Disposition", "attachment; filename=PersonalData.json");
        return new FileContentResult(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json");
    }

    private async Task AddRecordsAsync(Dictionary<string, object?> data, string me, DateTimeOffset now)
    {
        var steps = await db.ReflectionSteps.AsNoTracking().Where(s => s.OwnerId == me).OrderBy(s => s.Kind).ToListAsync();
        data["reflection"] = steps.Select(s => new { Step = s.Kind, Answers = AnswersOf(s.Answers), s.CompletedAtUtc, s.UpdatedAtUtc }).ToList();

        var goals = await db.Goals.AsNoTracking().Where(g => g.OwnerId == me).OrderBy(g => g.Id).ToListAsync();
        var milestones = (await db.Milestones.AsNoTracking().Where(m => m.OwnerId == me).ToListAsync()).ToLookup(m => m.GoalId);
        var planItems = (await db.PlanItems.AsNoTracking().Where(p => p.OwnerId == me).ToListAsync()).ToLookup(p => p.GoalId);
        var revisions = (await db.GoalRevisions.AsNoTracking().Where(r => r.OwnerId == me).ToListAsync()).ToLookup(r => r.GoalId);
        data["goals"] = goals.Select(g => new
        {
            g.Id,
            g.Statement,
            g.Horizon,
            g.Measure,
            g.Target,
            g.Deadline,
            g.Confidence,
            g.ConfidencePlan,
            g.Skills,
            Links = g.Links.Select(l => new { l.Step, l.ItemId }),
            g.Status,
            g.StartedOn,
            g.AchievedOn,
            g.CreatedAtUtc,
            g.UpdatedAtUtc,
            Milestones = milestones[g.Id].OrderBy(m => m.Order).ThenBy(m => m.DueOn)
                .Select(m => new { m.Id, m.Title, m.DueOn, m.Status, m.Notes, m.CompletedOn }),
            PlanItems = planItems[g.Id].OrderBy(p => p.Id).Select(p => new { p.Id, p.Kind, p.Text, p.Detail, p.ContactId }),
            History = revisions[g.Id].OrderBy(r => r.RecordedAtUtc).ThenBy(r => r.Id).Select(r => new
            {
                r.RecordedAtUtc,
                r.Reason,
                r.ReviewId,
                Before = new
                {
                    r.Statement, r.Horizon, r.Measure, r.Target, r.Deadline, r.Confidence, r.Status,
                    Links = r.Links.Select(l => new { l.Step, l.ItemId }),
                },
            }),
        }).ToList();

        data["contacts"] = await db.Contacts.AsNoTracking().Where(c => c.OwnerId == me).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.Role, c.HowMet, c.LastContactOn, c.NextFollowUpOn, c.Notes }).ToListAsync();

        var reviews = await db.Reviews.AsNoTracking().Where(r => r.OwnerId == me).OrderBy(r => r.Id).ToListAsync();
        var reviewGoals = (await db.ReviewGoals.AsNoTracking().Where(rg => db.Reviews.Any(r => r.Id == rg.ReviewId && r.OwnerId == me)).ToListAsync())
            .ToLookup(rg => rg.ReviewId);
        data["reviews"] = reviews.Select(r => new
        {
            r.Id,
            r.Trigger,
            r.Reason,
            r.StartedOn,
            r.DueOn,
            r.CompletedOn,
            r.LookBackNote,
            r.NewGoalIdeas,
            Goals = reviewGoals[r.Id].OrderBy(g => g.Order).Select(g => new
            {
                g.GoalId, g.Statement, g.StatusAtStart, g.Helped, g.Obstacles, g.Feedback, g.FeedbackFrom, g.Decision, g.DecisionReason,
            }),
        }).ToList();

        // The calendar feed's token is a key, like a password: it stays out of the file.
        var schedule = await db.ReviewSchedules.AsNoTracking().Where(s => s.OwnerId == me).FirstOrDefaultAsync();
        data["reviewSchedule"] = schedule is null ? null : new
        {
            schedule.Cadence,
            schedule.StartedOn,
            schedule.LastReviewedOn,
            schedule.NextReviewOn,
            schedule.ReviewsCompleted,
            schedule.RemindersOn,
            schedule.LeadDays,
            schedule.DigestOn,
            schedule.CommentMailOn,
        };
        data["reminders"] = await db.Reminders.AsNoTracking().Where(r => r.PersonId == me).OrderBy(r => r.ForDate).ThenBy(r => r.Id)
            .Select(r => new { r.Kind, r.ForDate, r.SendAtUtc, r.State, r.SentAtUtc }).ToListAsync();

        var grants = await db.CounsellorGrants.AsNoTracking().Where(g => g.OwnerId == me).OrderBy(g => g.InvitedAtUtc).ThenBy(g => g.Id).ToListAsync();
        data["sharing"] = grants.Select(g => new
        {
            g.CounsellorEmail, g.Scope, State = g.State(now), g.InvitedAtUtc, g.ExpiresAtUtc, g.AcceptedAtUtc, g.RevokedAtUtc,
        }).ToList();

        var comments = await (
            from c in db.Comments.Where(c => c.OwnerId == me)
            join u in db.Users on c.AuthorId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            orderby c.WrittenAtUtc, c.Id
            select new { Comment = c, AuthorEmail = u == null ? null : u.Email }).AsNoTracking().ToListAsync();
        data["commentsOnYourRecords"] = comments.Select(x => new
        {
            By = x.Comment.IsByClient ? "you" : x.AuthorEmail ?? Comment.FormerCounsellor,
            On = x.Comment.Target,
            x.Comment.TargetId,
            x.Comment.Body,
            x.Comment.WrittenAtUtc,
            x.Comment.EditedAtUtc,
            x.Comment.DeletedAtUtc,
        }).ToList();

        // As a counsellor, on other people's records: the words are theirs to take; whose record it was is not.
        data["commentsYouWroteForOthers"] = await db.Comments.AsNoTracking().Where(c => c.AuthorId == me && c.OwnerId != me)
            .OrderBy(c => c.WrittenAtUtc).ThenBy(c => c.Id)
            .Select(c => new { On = c.Target, c.Body, c.WrittenAtUtc, c.EditedAtUtc, c.DeletedAtUtc }).ToListAsync();

        var cutoff = AccessLogEntry.RetentionCutoffUtc(now);
        data["accessLog"] = await (
            from e in db.AccessLog.Where(e => e.OwnerId == me && e.AtUtc >= cutoff)
            join u in db.Users on e.CounsellorId equals u.Id into counsellors
            from u in counsellors.DefaultIfEmpty()
            orderby e.AtUtc descending, e.Id descending
            select new { Counsellor = u == null ? Comment.FormerCounsellor : u.Email, e.Area, e.RecordId, e.Path, e.AtUtc })
            .AsNoTracking().ToListAsync();
    }

    /// <summary>A step's answers are a JSON document of their own: included as JSON, not as a string of it.</summary>
    private static JsonNode? AnswersOf(string answers)
    {
        try
        {
            return JsonNode.Parse(answers);
        }
        catch (JsonException)
        {
            return JsonValue.Create(answers);
        }
    }

    /// <summary>
    /// Times are stored in UTC and come back from the database without a kind: written with their "Z" so the file
    /// says they are UTC (RFC 3339 date-times, as the schema asks).
    /// </summary>
    private sealed class UtcTimes : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetDateTime().ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc));
    }
}
