using System.Reflection;
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
/// "Download your data": the account's [PersonalData] fields as the Identity UI gives them (same names, same string
/// values, external logins and the authenticator key), then everything the person keeps here — goals with their
/// milestones and action plans, reviews, reflection steps, contacts — and their sharing: the counsellors they
/// invited, the comments on their records, and who looked at what (the access log, within its two years).
/// </summary>
public sealed class DownloadPersonalData(UserManager<AppUser> users, AppDbContext db, TimeProvider clock, ILogger<DownloadPersonalData> logger) : PageModel
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter() },
    };

    public IActionResult OnGet() => NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return NotFound();
        }

        logger.LogInformation("A person asked for their personal data.");
        var data = new Dictionary<string, object?>();
        foreach (var property in typeof(AppUser).GetProperties().Where(p => p.IsDefined(typeof(PersonalDataAttribute))))
        {
            data[property.Name] = property.GetValue(user)?.ToString() ?? "null";
        }

        foreach (var login in await users.GetLoginsAsync(user))
        {
            data[$"{login.LoginProvider} external login provider key"] = login.ProviderKey;
        }

        data["Authenticator Key"] = await users.GetAuthenticatorKeyAsync(user);
        await AddRecordsAsync(data, user.Id);

        Response.Headers.TryAdd("Content-Disposition", "attachment; filename=PersonalData.json");
        return new FileContentResult(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json");
    }

    private async Task AddRecordsAsync(Dictionary<string, object?> data, string me)
    {
        var now = clock.GetUtcNow();
        var goals = await db.Goals.AsNoTracking().Where(g => g.OwnerId == me).OrderBy(g => g.Id).ToListAsync();
        var milestones = (await db.Milestones.AsNoTracking().Where(m => m.OwnerId == me).ToListAsync()).ToLookup(m => m.GoalId);
        var planItems = (await db.PlanItems.AsNoTracking().Where(p => p.OwnerId == me).ToListAsync()).ToLookup(p => p.GoalId);
        data["Goals"] = goals.Select(g => new
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
            g.Status,
            g.StartedOn,
            g.AchievedOn,
            Milestones = milestones[g.Id].OrderBy(m => m.Order).ThenBy(m => m.DueOn)
                .Select(m => new { m.Id, m.Title, m.DueOn, m.Status, m.Notes, m.CompletedOn }),
            PlanItems = planItems[g.Id].OrderBy(p => p.Id).Select(p => new { p.Id, p.Kind, p.Text, p.Detail, p.ContactId }),
        }).ToList();

        var reviews = await db.Reviews.AsNoTracking().Where(r => r.OwnerId == me).OrderBy(r => r.Id).ToListAsync();
        var reviewGoals = (await db.ReviewGoals.AsNoTracking().Where(rg => db.Reviews.Any(r => r.Id == rg.ReviewId && r.OwnerId == me)).ToListAsync())
            .ToLookup(rg => rg.ReviewId);
        data["Reviews"] = reviews.Select(r => new
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

        var steps = await db.ReflectionSteps.AsNoTracking().Where(s => s.OwnerId == me).OrderBy(s => s.Kind).ToListAsync();
        data["ReflectionSteps"] = steps.Select(s => new { s.Kind, Answers = AnswersOf(s.Answers), s.CompletedAtUtc }).ToList();

        data["Contacts"] = await db.Contacts.AsNoTracking().Where(c => c.OwnerId == me).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.Role, c.HowMet, c.LastContactOn, c.NextFollowUpOn, c.Notes }).ToListAsync();

        var grants = await db.CounsellorGrants.AsNoTracking().Where(g => g.OwnerId == me).OrderBy(g => g.InvitedAtUtc).ThenBy(g => g.Id).ToListAsync();
        data["CounsellorGrants"] = grants.Select(g => new
        {
            g.CounsellorEmail, g.Scope, State = g.State(now), g.InvitedAtUtc, g.ExpiresAtUtc, g.AcceptedAtUtc, g.RevokedAtUtc,
        }).ToList();

        var comments = await (
            from c in db.Comments.Where(c => c.OwnerId == me)
            join u in db.Users on c.AuthorId equals u.Id into authors
            from u in authors.DefaultIfEmpty()
            orderby c.WrittenAtUtc, c.Id
            select new { Comment = c, AuthorEmail = u == null ? null : u.Email }).AsNoTracking().ToListAsync();
        data["CommentsOnYourRecords"] = comments.Select(x => new
        {
            By = x.Comment.IsByClient ? "you" : x.AuthorEmail ?? Comment.FormerCounsellor,
            On = x.Comment.Target,
            x.Comment.TargetId,
            x.Comment.Body,
            x.Comment.WrittenAtUtc,
            x.Comment.EditedAtUtc,
            x.Comment.DeletedAtUtc,
        }).ToList();

        var cutoff = AccessLogEntry.RetentionCutoffUtc(now);
        data["AccessLog"] = await (
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
}
