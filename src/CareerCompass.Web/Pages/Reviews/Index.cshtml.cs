using CareerCompass.Domain.Common;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reviews;
using CareerCompass.Domain.Sharing;
using CareerCompass.Domain.Time;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Reviews;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reviews;

/// <summary>
/// <c>/Reviews</c>: when the next review is, a way to start it (or continue the one in progress), a way to start one
/// because something changed in life — with what changed — and the reviews done so far, newest first.
/// </summary>
[SharedPage(SharedArea.Reviews, "Reviews")]
public sealed class Index(AppDbContext db, ReviewPlanning planning, PersonClock clock, Subject subject, IAuthorizationService authorization) : PageModel
{
    public const string ReasonNeeded = "Please say in a few words what changed — it helps you later to see why you reviewed.";
    public static readonly string ReasonTooLong = $"Please keep this under {Review.ReasonLength} characters — a sentence or two is plenty.";

    [BindProperty]
    public string? LifeChange { get; set; }

    public ReviewSchedule? Schedule { get; private set; }

    public InProgress? Open { get; private set; }

    public IReadOnlyList<PastReview> Past { get; private set; } = [];

    public DateOnly Today => clock.Today;

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync() => await PrepareAsync();

    /// <summary>"Start your review" (or, if one is open, carry on with it).</summary>
    public async Task<IActionResult> OnPostStartAsync() =>
        await MayStartAsync() ? await StartAsync(ReviewTrigger.Scheduled, reason: null) : NotFound();

    /// <summary>"Something changed in my life": a review at any time, with the reason.</summary>
    public async Task<IActionResult> OnPostLifeChangeAsync()
    {
        if (!await MayStartAsync())
        {
            return NotFound();
        }

        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(LifeChange))
        {
            ModelState.AddModelError(nameof(LifeChange), ReasonNeeded);
        }
        else if (LifeChange.Trim().Length > Review.ReasonLength)
        {
            ModelState.AddModelError(nameof(LifeChange), ReasonTooLong);
        }

        if (!ModelState.IsValid)
        {
            await PrepareAsync();
            return Page();
        }

        return await StartAsync(ReviewTrigger.LifeChange, LifeChange);
    }

    /// <summary>Only the person starts their own review; a counsellor reading a client's reviews never does.</summary>
    private Task<bool> MayStartAsync() => authorization.MayAsync(User, subject.Records(SharedArea.Reviews), RecordOperations.Change);

    private async Task<IActionResult> StartAsync(ReviewTrigger trigger, string? reason)
    {
        var owner = subject.OwnerId;
        if (await OpenReviewAsync(owner) is { } open)
        {
            StatusMessage = "You already have a review under way — here's where you left off.";
            return RedirectToPage(ReviewLabels.PageOf(open.Step), new { id = open.Id });
        }

        var schedule = await planning.ScheduleForAsync(owner, clock.Zone);
        var since = await db.Reviews.Where(r => r.OwnerId == owner && r.CompletedAtUtc != null)
            .OrderByDescending(r => r.CompletedAtUtc).Select(r => r.CompletedAtUtc).FirstOrDefaultAsync()
            ?? LocalInstant.At(schedule.StartedOn, TimeOnly.MinValue, clock.Zone).UtcDateTime;
        var goals = await db.Goals.AsNoTracking()
            .Where(g => g.OwnerId == owner && (g.Status == GoalStatus.Active || g.Status == GoalStatus.Paused))
            .OrderBy(g => g.Status).ThenBy(g => g.Deadline ?? DateOnly.MaxValue).ThenBy(g => g.Id)
            .ToListAsync();
        Review review;
        try
        {
            review = Review.Start(owner, trigger, reason, clock.Today, trigger == ReviewTrigger.Scheduled ? schedule.NextReviewOn : null, since, goals);
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError(nameof(LifeChange), rule.Message);
            await PrepareAsync();
            return Page();
        }

        db.Reviews.Add(review);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException twin) when (Conflicts.IsUniqueViolation(twin))
        {
            // Another tab started one a moment ago: carry on with that one.
            db.ChangeTracker.Clear();
            if (await OpenReviewAsync(owner) is { } theirs)
            {
                return RedirectToPage(ReviewLabels.PageOf(theirs.Step), new { id = theirs.Id });
            }

            throw;
        }

        StatusMessage = "Your review has started. Take your time — it saves as you go, and you can stop and come back whenever you like.";
        return RedirectToPage(ReviewLabels.PageOf(ReviewStep.LookBack), new { id = review.Id });
    }

    private Task<InProgress?> OpenReviewAsync(string owner) =>
        db.Reviews.AsNoTracking().Where(r => r.OwnerId == owner && r.CompletedOn == null)
            .Select(r => new InProgress(r.Id, r.Step, r.StartedOn)).FirstOrDefaultAsync();

    private async Task PrepareAsync()
    {
        var owner = subject.OwnerId;
        Schedule = await planning.FindScheduleAsync(owner);
        Open = await OpenReviewAsync(owner);
        Past = await db.Reviews.AsNoTracking().Where(r => r.OwnerId == owner && r.CompletedOn != null)
            .OrderByDescending(r => r.CompletedAtUtc).ThenByDescending(r => r.Id)
            .Select(r => new PastReview(r.Id, r.CompletedOn!.Value, r.Trigger, r.Reason, r.Goals.Count))
            .ToListAsync();
    }

    public sealed record InProgress(int Id, ReviewStep Step, DateOnly StartedOn);

    public sealed record PastReview(int Id, DateOnly CompletedOn, ReviewTrigger Trigger, string? Reason, int Goals);
}
