using CareerCompass.Domain.Common;
using CareerCompass.Domain.Goals;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Goals;

/// <summary>
/// <c>/Goals/{id}</c>: one goal with its coach verdict, status, milestones and action plan. A fixed number of
/// queries whatever the number of milestones and plan items. Every post names the goal and is checked against it.
/// </summary>
public sealed class Details(AppDbContext db, IAuthorizationService authorization, ReflectionChoices reflection, TimeProvider clock) : PageModel
{
    public const string StaleMessage = "This changed somewhere else (perhaps in another tab) since you opened the page. Here's the latest — please try again.";
    public const string CelebrationKey = "CareerCompass.Celebrate";

    public Goal Goal { get; private set; } = null!;

    public SmartVerdict Verdict { get; private set; } = null!;

    public IReadOnlyList<Milestone> Milestones { get; private set; } = [];

    public IReadOnlyList<PlanItem> Plan { get; private set; } = [];

    public IReadOnlyDictionary<int, string> Contacts { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<LinkChoice> LinkedItems { get; private set; } = [];

    public GoalProgress Progress => GoalProgress.Of(Milestones.Select(m => m.Status));

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    [TempData(Key = CelebrationKey)]
    public string? Celebration { get; set; }

    [BindProperty]
    public MilestoneInput NewMilestone { get; set; } = new();

    [BindProperty]
    public PlanInput NewPlanItem { get; set; } = new();

    public async Task<IActionResult> OnGetAsync([FromRoute] int id) =>
        await LoadAsync(id, RecordOperations.Read) ? await ShowAsync() : NotFound();

    public Task<IActionResult> OnPostStatusAsync([FromRoute] int id, string change, Guid version) => ChangeGoalAsync(id, version, goal =>
    {
        switch (change)
        {
            case "activate": goal.Activate(Today, anyway: false); return "Your goal is active. One step at a time.";
            case "activate-anyway": goal.Activate(Today, anyway: true); return "Your goal is active. You can sharpen it whenever you like.";
            case "pause": goal.Pause(); return "Paused. Nothing is lost — resume whenever you're ready.";
            case "resume": goal.Resume(); return "Welcome back — your goal is active again.";
            case "retire": goal.Retire(); return "Retired. Letting go of a goal that no longer fits is a decision too.";
            case "achieve":
                goal.MarkAchieved(Today);
                Celebration = $"You achieved it: \"{goal.Statement}\". Take a moment to enjoy that — it's recorded on {GoalLabels.Date(Today)}.";
                return null;
            default: throw new DomainRuleException(string.Empty, "That isn't something a goal can do.");
        }
    });

    public async Task<IActionResult> OnPostAddMilestoneAsync([FromRoute] int id)
    {
        if (!await LoadAsync(id, RecordOperations.Change, track: true))
        {
            return NotFound();
        }

        if (HasBindingErrors(nameof(NewMilestone)))
        {
            // The messages are already in ModelState.
        }
        else if (NewMilestone.DueOn is not { } due)
        {
            ModelState.AddModelError("NewMilestone.DueOn", "Please choose when this milestone is due.");
        }
        else if (NewMilestone.Title is { Length: > Goal.FieldLength })
        {
            ModelState.AddModelError("NewMilestone.Title", $"Please keep the milestone under {Goal.FieldLength} characters.");
        }
        else if (NewMilestone.Notes is { Length: > Limits.LongText })
        {
            ModelState.AddModelError("NewMilestone.Notes", "Please keep the notes under 4,000 characters.");
        }
        else if (Milestones.Count >= 50)
        {
            ModelState.AddModelError("NewMilestone.Title", "A goal can have up to 50 milestones. Consider splitting it into two goals.");
        }
        else if (await db.ApplyAndSaveAsync(ModelState, nameof(NewMilestone), StaleMessage, () =>
            db.Milestones.Add(Milestone.Create(Goal, NewMilestone.Title, due, NewMilestone.Notes, Milestones.Count))) == SaveResult.Saved)
        {
            StatusMessage = "Milestone added.";
            return RedirectToPage(null, null, new { id }, "milestones");
        }

        return await ShowAsync();
    }

    public Task<IActionResult> OnPostMilestoneStatusAsync([FromRoute] int id, int milestoneId, MilestoneStatus status, Guid version) =>
        ChangeMilestoneAsync(id, milestoneId, version, milestone =>
        {
            if (!Enum.IsDefined(status))
            {
                throw new DomainRuleException(string.Empty, "Please choose a status from the list.");
            }

            milestone.SetStatus(status, Today);
            var progress = GoalProgress.Of(Milestones.Select(m => m.Status));
            if (status == MilestoneStatus.Done && progress.IsComplete)
            {
                Celebration = $"Every milestone is done — well done! \"{milestone.Title}\" was the last one ({GoalLabels.Date(Today)}). Ready to mark the goal achieved?";
            }

            return status == MilestoneStatus.Done ? $"Done: {milestone.Title}." : $"{milestone.Title}: {GoalLabels.Of(status).ToLowerInvariant()}.";
        });

    public Task<IActionResult> OnPostMoveMilestoneAsync([FromRoute] int id, int milestoneId, string direction, Guid version) =>
        ChangeMilestoneAsync(id, milestoneId, version, milestone =>
        {
            var ordered = Milestones.ToList();
            var index = ordered.IndexOf(milestone);
            var target = direction == "up" ? index - 1 : index + 1;
            if (target >= 0 && target < ordered.Count)
            {
                (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
                for (var i = 0; i < ordered.Count; i++)
                {
                    ordered[i].Order = i;
                }
            }

            return $"Moved {milestone.Title} {(direction == "up" ? "up" : "down")}.";
        });

    public Task<IActionResult> OnPostDeleteMilestoneAsync([FromRoute] int id, int milestoneId, Guid version) =>
        ChangeMilestoneAsync(id, milestoneId, version, milestone =>
        {
            db.Milestones.Remove(milestone);
            return $"Removed {milestone.Title}.";
        });

    public async Task<IActionResult> OnPostAddPlanItemAsync([FromRoute] int id)
    {
        if (!await LoadAsync(id, RecordOperations.Change, track: true))
        {
            return NotFound();
        }

        if (HasBindingErrors(nameof(NewPlanItem)))
        {
            // The messages are already in ModelState.
        }
        else if (!Enum.IsDefined(NewPlanItem.Kind))
        {
            ModelState.AddModelError("NewPlanItem.Kind", "Please choose what kind of item this is.");
        }
        else if (NewPlanItem.Text is { Length: > Goal.FieldLength } || NewPlanItem.Detail is { Length: > 4000 })
        {
            ModelState.AddModelError("NewPlanItem.Text", "That's a little long — please shorten it.");
        }
        else if (NewPlanItem.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.OwnerId == Goal.OwnerId))
        {
            ModelState.AddModelError("NewPlanItem.ContactId", "Please choose one of your contacts.");
        }
        else if (Plan.Count >= 100)
        {
            ModelState.AddModelError("NewPlanItem.Text", "The action plan can have up to 100 items.");
        }
        else if (await db.ApplyAndSaveAsync(ModelState, nameof(NewPlanItem), StaleMessage, () =>
            db.PlanItems.Add(PlanItem.Create(Goal, NewPlanItem.Kind, NewPlanItem.Text, NewPlanItem.Detail, NewPlanItem.ContactId))) == SaveResult.Saved)
        {
            StatusMessage = "Added to your action plan.";
            return RedirectToPage(null, null, new { id }, "plan");
        }

        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostDeletePlanItemAsync([FromRoute] int id, int itemId)
    {
        if (!await LoadAsync(id, RecordOperations.Change, track: true))
        {
            return NotFound();
        }

        var item = Plan.FirstOrDefault(p => p.Id == itemId);
        if (item is null)
        {
            return NotFound();
        }

        db.PlanItems.Remove(item);
        await db.SaveChangesAsync();
        StatusMessage = $"Removed \"{item.Text}\" from your plan.";
        return RedirectToPage(null, null, new { id }, "plan");
    }

    private async Task<IActionResult> ChangeGoalAsync(int id, Guid version, Func<Goal, string?> change) =>
        await LoadAsync(id, RecordOperations.Change, track: true)
            ? await SaveAsync(id, Goal, version, change, fragment: null)
            : NotFound();

    private async Task<IActionResult> ChangeMilestoneAsync(int id, int milestoneId, Guid version, Func<Milestone, string> change) =>
        await LoadAsync(id, RecordOperations.Change, track: true) && Milestones.FirstOrDefault(m => m.Id == milestoneId) is { } milestone
            ? await SaveAsync(id, milestone, version, change, fragment: "milestones")
            : NotFound();

    /// <summary>Applies a change to a record loaded with the version the form carried; a stale version shows the latest.</summary>
    private async Task<IActionResult> SaveAsync<T>(int id, T record, Guid version, Func<T, string?> change, string? fragment)
        where T : OwnedEntity
    {
        var result = await db.ApplyAndSaveAsync(ModelState, string.Empty, StaleMessage, () =>
        {
            db.Entry(record).Property(r => r.Version).OriginalValue = version;
            StatusMessage = change(record);
        });
        return result switch
        {
            SaveResult.Saved => RedirectToPage(null, null, new { id }, fragment),
            SaveResult.Stale => await ShowLatestAsync(id),
            _ => await ShowAsync(),
        };
    }

    private bool HasBindingErrors(string prefix) =>
        ModelState.Any(e => e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) && e.Value?.Errors.Count > 0);

    /// <summary>After a refused stale change: drop what was changed in memory and show the stored record.</summary>
    private async Task<IActionResult> ShowLatestAsync(int id)
    {
        db.ChangeTracker.Clear();
        Celebration = null;
        StatusMessage = null;
        await LoadAsync(id, RecordOperations.Read);
        return await ShowAsync();
    }

    private async Task<bool> LoadAsync(int id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, bool track = false)
    {
        var goals = track ? db.Goals : db.Goals.AsNoTracking();
        var goal = await goals.FirstOrDefaultAsync(g => g.Id == id);
        if (!await authorization.MayAsync(User, goal, operation))
        {
            return false;
        }

        Goal = goal!;
        var milestones = track ? db.Milestones : db.Milestones.AsNoTracking();
        Milestones = await milestones.Where(m => m.GoalId == id && m.OwnerId == goal!.OwnerId).OrderBy(m => m.Order).ThenBy(m => m.DueOn).ToListAsync();
        var plan = track ? db.PlanItems : db.PlanItems.AsNoTracking();
        Plan = await plan.Where(p => p.GoalId == id && p.OwnerId == goal!.OwnerId).OrderBy(p => p.Kind).ThenBy(p => p.Id).ToListAsync();
        return true;
    }

    /// <summary>
    /// Loads what only the page shows (contacts to pick from, the linked reflection items, the coach's verdict) and
    /// renders it. Posts that succeed redirect instead, so they never pay for these queries.
    /// </summary>
    private async Task<IActionResult> ShowAsync()
    {
        Contacts = await db.Contacts.AsNoTracking().Where(c => c.OwnerId == Goal.OwnerId).OrderBy(c => c.Name).ToDictionaryAsync(c => c.Id, c => c.Name);
        var keys = Goal.Links.Select(ReflectionChoices.Key).ToHashSet();
        LinkedItems = (await reflection.ForAsync(Goal.OwnerId)).Where(c => keys.Contains(c.Value)).ToList();
        Verdict = Goal.Check(Today);
        return Page();
    }

    public sealed record MilestoneInput
    {
        public string? Title { get; init; }

        public DateOnly? DueOn { get; init; }

        public string? Notes { get; init; }
    }

    public sealed record PlanInput
    {
        public PlanItemKind Kind { get; init; }

        public string? Text { get; init; }

        public string? Detail { get; init; }

        public int? ContactId { get; init; }
    }
}
