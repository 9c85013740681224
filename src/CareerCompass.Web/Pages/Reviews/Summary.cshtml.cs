using CareerCompass.Domain.Common;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Reviews;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reviews;

/// <summary>
/// Step 4: everything the person answered and what each decision will do, what still needs an answer, and
/// "Complete review" — which, in one save, completes the review, carries out each decision on its goal, moves the
/// schedule on a cadence from today and replans the reminders.
/// </summary>
public sealed class Summary(AppDbContext db, IAuthorizationService authorization, PersonClock clock, ReviewPlanning planning, SignInManager<AppUser> signIn) : ReviewPage(db, authorization, clock)
{
    public const string StaleSummary = "Your review changed somewhere else (perhaps in another tab) since you opened this summary. Here's the latest — have a look, then complete it.";
    public const string NotYet = "A few things still need an answer before you complete the review — they're listed below, each with a link.";

    public override ReviewStep CurrentStep => ReviewStep.Summary;

    public IReadOnlyList<ReviewProblem> Problems { get; private set; } = [];

    public IReadOnlyDictionary<int, GoalDecisions.GoalNow> Current { get; private set; } = new Dictionary<int, GoalDecisions.GoalNow>();

    /// <summary>How many changes to each goal were saved in the editor as part of this review.</summary>
    public IReadOnlyDictionary<int, int> Revised { get; private set; } = new Dictionary<int, int>();

    public IReadOnlyList<(int Id, string Statement)> Added { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id, track: false))
        {
            return NotFound();
        }

        if (Review.IsCompleted)
        {
            return ShowCompleted();
        }

        await PrepareAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCompleteAsync(int id)
    {
        if (!await LoadAsync(id, track: true))
        {
            return NotFound();
        }

        if (Review.IsCompleted)
        {
            return ShowCompleted();
        }

        if (!ModelState.IsValid || Version != Review.Version)
        {
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, StaleSummary);
            await PrepareAsync();
            return Page();
        }

        if (Review.Problems().Count > 0)
        {
            ModelState.AddModelError(string.Empty, NotYet);
            await PrepareAsync();
            return Page();
        }

        // Before anything changes: a person without a schedule yet gets one, and that is saved on its own.
        var schedule = await planning.ScheduleForAsync(Review.OwnerId, Clock.Zone);
        var ids = Review.Goals.Select(g => g.GoalId).ToList();
        var goals = await Db.Goals.Where(g => g.OwnerId == Review.OwnerId && ids.Contains(g.Id)).ToListAsync();
        var today = Clock.Today;
        var now = Clock.UtcNow;
        var achieved = new List<string>();
        try
        {
            Review.Complete(today, now);
            foreach (var goal in goals)
            {
                if (Review.ApplyDecision(goal, today, now) && goal.Status == GoalStatus.Achieved)
                {
                    achieved.Add(goal.Statement);
                }
            }
        }
        catch (DomainRuleException rule)
        {
            Db.ChangeTracker.Clear();
            await LoadAsync(id, track: false);
            ModelState.AddModelError(string.Empty, rule.Message);
            await PrepareAsync();
            return Page();
        }

        schedule.Reviewed(today);
        await planning.ReplanAsync(schedule, Clock.Zone);
        bool saved;
        try
        {
            saved = await SaveReviewAsync();
        }
        catch (DbUpdateException conflict) when (Conflicts.IsRetryable(conflict))
        {
            saved = false;
        }

        if (!saved)
        {
            Db.ChangeTracker.Clear();
            await LoadAsync(id, track: false);
            ModelState.AddModelError(string.Empty, Review.IsCompleted ? CompletedMessage : StaleSummary);
            if (Review.IsCompleted)
            {
                return ShowCompleted();
            }

            Version = Review.Version;
            await PrepareAsync();
            return Page();
        }

        // The next review date rides in the sign-in (the "review due" banner): renew this one now; other devices
        // follow at their next security-stamp check.
        if (await signIn.UserManager.GetUserAsync(User) is { } person)
        {
            await signIn.RefreshSignInAsync(person);
        }

        StatusMessage = $"Your review is complete — thank you for taking the time. Your next review is on {Goals.GoalLabels.LongDate(schedule.NextReviewOn)}.";
        if (achieved.Count > 0)
        {
            TempData[Goals.Details.CelebrationKey] = string.Join(" ", achieved.Select(s => Goals.Details.AchievedCelebration(s, today)));
        }

        return RedirectToPage("/Reviews/Details", new { id });
    }

    private async Task PrepareAsync()
    {
        Version = Review.Version;
        Problems = Review.Problems();
        var ids = Review.Goals.Select(g => g.GoalId).ToList();
        var owner = Review.OwnerId;
        var reviewId = Review.Id;
        Current = await Db.Goals.AsNoTracking().Where(g => g.OwnerId == owner && ids.Contains(g.Id))
            .Select(g => new GoalDecisions.GoalNow(g.Id, g.Statement, g.Status, g.Deadline)).ToDictionaryAsync(g => g.Id);
        Revised = await Db.GoalRevisions.AsNoTracking().Where(r => r.OwnerId == owner && r.ReviewId == reviewId)
            .GroupBy(r => r.GoalId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var started = Review.CreatedAtUtc;
        Added = (await Db.Goals.AsNoTracking().Where(g => g.OwnerId == owner && g.CreatedAtUtc >= started)
            .OrderBy(g => g.Id).Select(g => new { g.Id, g.Statement }).ToListAsync()).Select(g => (g.Id, g.Statement)).ToList();
    }
}
