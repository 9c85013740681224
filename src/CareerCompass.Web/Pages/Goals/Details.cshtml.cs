using CareerCompass.Domain.Common;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Goals;

/// <summary>
/// <c>/Goals/{id}</c>: one goal with its coach verdict, status, milestones, action plan and history. A fixed number
/// of queries whatever the number of milestones, plan items and revisions. Every post names the goal and is checked
/// against it; each handler loads the goal with its lists, calls one of its methods, saves and redirects.
/// </summary>
[SharedPage(SharedArea.Goals, "Goals/{id:int}")]
public sealed class Details(
    AppDbContext db, IAuthorizationService authorization, ReflectionChoices reflection, PersonClock clock, Subject subject, CommentThreads comments, SmartVerdicts verdicts) : PageModel
{
    public const string StaleMessage = "This changed somewhere else (perhaps in another tab) since you opened the page. Here's the latest — please try again.";
    public const string CelebrationKey = "CareerCompass.Celebrate";

    public Goal Goal { get; private set; } = null!;

    public SmartVerdict Verdict { get; private set; } = null!;

    public IReadOnlyList<Milestone> Milestones { get; private set; } = [];

    public IReadOnlyList<PlanItem> Plan { get; private set; } = [];

    public IReadOnlyDictionary<int, string> Contacts { get; private set; } = new Dictionary<int, string>();

    public IReadOnlyList<LinkChoice> LinkedItems { get; private set; } = [];

    /// <summary>Every reflection item the person has, by key, to name the links in the history.</summary>
    public IReadOnlyDictionary<string, string> LinkLabels { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<GoalHistoryEntry> History { get; private set; } = [];

    public GoalProgress Progress => GoalProgress.Of(Milestones.Select(m => m.Status));

    /// <summary>The comments on the goal and on each milestone.</summary>
    public IReadOnlyDictionary<(CommentTarget, int), CommentThread> Comments { get; private set; } = new Dictionary<(CommentTarget, int), CommentThread>();

    /// <summary>Whether to offer a new comment: to a counsellor reading the goal, and to the client once they share with one.</summary>
    public bool CanComment { get; private set; }

    public CommentFeedback? CommentFeedback { get; private set; }

    public CommentThread ThreadOf(CommentTarget target, int id) => Comments.TryGetValue((target, id), out var thread) ? thread : CommentThread.Empty(target, id);

    public DateOnly Today => clock.Today;

    public PersonClock Clock => clock;

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    [TempData(Key = CelebrationKey)]
    public string? Celebration { get; set; }

    private bool _historyLoaded;

    /// <summary>False once the goal's load found no comments on the goal or its milestones, so none are read.</summary>
    private bool _mayHaveComments = true;

    [BindProperty]
    public MilestoneInput NewMilestone { get; set; } = new();

    [BindProperty]
    public PlanInput NewPlanItem { get; set; } = new();

    public async Task<IActionResult> OnGetAsync([FromRoute] int id)
    {
        // The page reads in up to eight statements: on one connection, opened once, rather than opened and closed
        // around each (closed again before the page renders).
        await db.Database.OpenConnectionAsync();
        try
        {
            return await LoadAsync(id, RecordOperations.Read) ? await ShowAsync() : NotFound();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task<IActionResult> OnPostStatusAsync([FromRoute] int id, string change, Guid version, string? reason) => ChangeAsync(id, fragment: null, structural: false, () =>
    {
        if (Goal.Version != version)
        {
            return Task.FromResult(Outcome.Stale);
        }

        switch (change)
        {
            case "activate": Goal.Activate(Today, anyway: false, clock.UtcNow); return Saved("Your goal is active. One step at a time.");
            case "activate-anyway": Goal.Activate(Today, anyway: true, clock.UtcNow); return Saved("Your goal is active. You can sharpen it whenever you like.");
            case "pause": Goal.Pause(clock.UtcNow); return Saved("Paused. Nothing is lost — resume whenever you're ready.");
            case "resume": Goal.Resume(clock.UtcNow); return Saved("Welcome back — your goal is active again.");
            case "retire": Goal.Retire(reason, clock.UtcNow); return Saved("Retired. Letting go of a goal that no longer fits is a decision too.");
            case "achieve":
                Goal.MarkAchieved(Today, clock.UtcNow);
                return Saved(null, AchievedCelebration(Goal.Statement, Today));
            default: throw new DomainRuleException(string.Empty, "That isn't something a goal can do.");
        }
    });

    public Task<IActionResult> OnPostAddMilestoneAsync([FromRoute] int id) => ChangeAsync(id, "milestones", structural: true, async () =>
    {
        if (await db.Milestones.CreatedWithAsync(Goal.OwnerId, NewMilestone.IdempotencyKey) is not null)
        {
            return Outcome.Answered("Milestone added.");
        }

        if (HasBindingErrors(nameof(NewMilestone)))
        {
            // The messages are already in ModelState.
            return Outcome.Show;
        }

        var error = NewMilestone switch
        {
            { DueOn: null } => ("NewMilestone.DueOn", "Please choose when this milestone is due."),
            { Title.Length: > Goal.FieldLength } => ("NewMilestone.Title", $"Please keep the milestone under {Goal.FieldLength} characters."),
            { Notes.Length: > Limits.LongText } => ("NewMilestone.Notes", "Please keep the notes under 4,000 characters."),
            _ => default((string, string)?),
        };
        if (error is (var field, var message))
        {
            ModelState.AddModelError(field, message);
            return Outcome.Show;
        }

        var milestone = Goal.AddMilestone(NewMilestone.Title, NewMilestone.DueOn!.Value, NewMilestone.Notes);
        db.SetIdempotencyKey(milestone, NewMilestone.IdempotencyKey);
        return new Outcome("Milestone added.");
    }, prefix: nameof(NewMilestone));

    public Task<IActionResult> OnPostMilestoneStatusAsync([FromRoute] int id, int milestoneId, MilestoneStatus status, Guid version) =>
        ChangeAsync(id, "milestones", structural: false, () => SetMilestoneStatus(milestoneId, status, version));

    /// <summary>
    /// The milestone's one checkbox: ticked, it is done; unticked, a done one goes back to in progress (and one not
    /// done stays as it is — the form sent without a change).
    /// </summary>
    public Task<IActionResult> OnPostMilestoneDoneAsync([FromRoute] int id, int milestoneId, bool done, Guid version) =>
        ChangeAsync(id, "milestones", structural: false, () =>
        {
            var milestone = Goal.Milestones.SingleOrDefault(m => m.Id == milestoneId) ?? throw new RecordNotFoundException();
            if (!done && milestone.Status != MilestoneStatus.Done)
            {
                return Task.FromResult(milestone.Version == version ? Outcome.Answered($"{milestone.Title} isn't marked done.") : Outcome.Stale);
            }

            return SetMilestoneStatus(milestoneId, done ? MilestoneStatus.Done : MilestoneStatus.InProgress, version);
        });

    public Task<IActionResult> OnPostMoveMilestoneAsync([FromRoute] int id, int milestoneId, string direction, Guid version) =>
        ChangeAsync(id, "milestones", structural: true, () =>
        {
            var up = direction == "up";
            var milestone = Goal.MoveMilestone(milestoneId, up ? MilestoneMove.Up : MilestoneMove.Down, version);
            return Saved($"Moved {milestone.Title} {(up ? "up" : "down")}.");
        });

    /// <summary>Structural too: a new date must not race a new deadline saved from the goal editor.</summary>
    public Task<IActionResult> OnPostRescheduleMilestoneAsync([FromRoute] int id, int milestoneId, DateOnly? dueOn, Guid version) =>
        ChangeAsync(id, "milestones", structural: true, () =>
        {
            if (dueOn is null)
            {
                throw new DomainRuleException(string.Empty, "Please choose the new date for this milestone.");
            }

            var milestone = Goal.RescheduleMilestone(milestoneId, dueOn.Value, version);
            return Saved($"{milestone.Title} is now due {GoalLabels.Date(milestone.DueOn)}.");
        });

    public Task<IActionResult> OnPostDeleteMilestoneAsync([FromRoute] int id, int milestoneId, Guid version) =>
        ChangeAsync(id, "milestones", structural: true, () => Saved($"Removed {Goal.RemoveMilestone(milestoneId, version).Title}."));

    public Task<IActionResult> OnPostAddPlanItemAsync([FromRoute] int id) => ChangeAsync(id, "plan", structural: true, async () =>
    {
        if (await db.PlanItems.CreatedWithAsync(Goal.OwnerId, NewPlanItem.IdempotencyKey) is not null)
        {
            return Outcome.Answered("Added to your action plan.");
        }

        if (HasBindingErrors(nameof(NewPlanItem)))
        {
            // The messages are already in ModelState.
            return Outcome.Show;
        }

        if (!Enum.IsDefined(NewPlanItem.Kind))
        {
            ModelState.AddModelError("NewPlanItem.Kind", "Please choose what kind of item this is.");
        }
        else if (NewPlanItem.Text is { Length: > Goal.FieldLength } || NewPlanItem.Detail is { Length: > Limits.LongText })
        {
            ModelState.AddModelError("NewPlanItem.Text", "That's a little long — please shorten it.");
        }
        else if (NewPlanItem.ContactId is { } contactId && !await db.Contacts.AnyAsync(c => c.Id == contactId && c.OwnerId == Goal.OwnerId))
        {
            ModelState.AddModelError("NewPlanItem.ContactId", "Please choose one of your contacts.");
        }
        else
        {
            var item = Goal.AddPlanItem(NewPlanItem.Kind, NewPlanItem.Text, NewPlanItem.Detail, NewPlanItem.ContactId);
            db.SetIdempotencyKey(item, NewPlanItem.IdempotencyKey);
            return new Outcome("Added to your action plan.");
        }

        return Outcome.Show;
    }, prefix: nameof(NewPlanItem));

    public Task<IActionResult> OnPostDeletePlanItemAsync([FromRoute] int id, int itemId, Guid version) => ChangeAsync(id, "plan", structural: true, () =>
    {
        try
        {
            return Saved($"Removed \"{Goal.RemovePlanItem(itemId, version).Text}\" from your plan.");
        }
        catch (RecordNotFoundException)
        {
            return Task.FromResult(Outcome.Answered("That item was already removed from your plan — perhaps in another tab."));
        }
    });

    private Task<Outcome> SetMilestoneStatus(int milestoneId, MilestoneStatus status, Guid version)
    {
        var last = Goal.SetMilestoneStatus(milestoneId, status, Today, version);
        var title = Goal.Milestones.Single(m => m.Id == milestoneId).Title;
        var celebration = last
            ? $"Every milestone is done — well done! \"{title}\" was the last one ({GoalLabels.Date(Today)}). Ready to mark the goal achieved?"
            : null;
        return Saved(status == MilestoneStatus.Done ? $"Done: {title}." : $"{title}: {GoalLabels.Of(status).ToLowerInvariant()}.", celebration);
    }

    /// <summary>What a person reads when a goal is achieved — here, or by a review's decision.</summary>
    public static string AchievedCelebration(string statement, DateOnly day) =>
        $"You achieved it: \"{statement}\". Take a moment to enjoy that — it's recorded on {GoalLabels.Date(day)}.";

    private static Task<Outcome> Saved(string? message, string? celebration = null) => Task.FromResult(new Outcome(message, celebration));

    /// <summary>
    /// The one way a post changes a goal, its milestones or its plan: load the goal afresh, check and apply the change,
    /// save. A structural change (adding, moving or removing a milestone or plan item) also renews the goal's own
    /// version, so two requests changing one goal's lists at once conflict in the database instead of both passing
    /// a cap or taking the same place in the order; the one that lost loads again and retries, a bounded number of
    /// times. A stale form (its record changed since the page was shown) is refused and the latest is shown.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(int id, string? fragment, bool structural, Func<Task<Outcome>> change, string prefix = "")
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!await LoadAsync(id, RecordOperations.Change, withHistory: false))
            {
                return NotFound();
            }

            Outcome outcome;
            try
            {
                outcome = await change();
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddModelError(rule.Field.Length == 0 || prefix.Length == 0 ? string.Empty : $"{prefix}.{rule.Field}", rule.Message);
                return await ShowAsync();
            }
            catch (StaleRecordException)
            {
                outcome = Outcome.Stale;
            }
            catch (RecordNotFoundException)
            {
                outcome = Outcome.NotFound;
            }

            switch (outcome.Kind)
            {
                case OutcomeKind.Show: return await ShowAsync();
                case OutcomeKind.NotFound: return NotFound();
                case OutcomeKind.Stale:
                    ModelState.AddModelError(string.Empty, StaleMessage);
                    return await ShowLatestAsync(id);
                case OutcomeKind.Answered:
                    StatusMessage = outcome.Message;
                    return RedirectToPage(null, null, new { id }, fragment);
            }

            if (structural)
            {
                db.Entry(Goal).Property(g => g.Version).IsModified = true;
            }

            try
            {
                await db.SaveChangesAsync();
                (StatusMessage, Celebration) = (outcome.Message, outcome.Celebration);
                return RedirectToPage(null, null, new { id }, fragment);
            }
            catch (DbUpdateException conflict) when (Conflicts.IsRetryable(conflict) && attempt < Conflicts.MaxAttempts)
            {
                db.ChangeTracker.Clear();
                await Conflicts.PauseAsync(attempt);
            }
            catch (DbUpdateException conflict) when (Conflicts.IsRetryable(conflict))
            {
                ModelState.AddModelError(string.Empty, Conflicts.BusyMessage);
                return await ShowLatestAsync(id);
            }
        }
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

    /// <summary>
    /// Loads the goal with its milestones and plan (and, to show the page, its history): one query per list, never
    /// one per row (<see cref="GoalLoading"/>).
    /// </summary>
    private async Task<bool> LoadAsync(int id, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, bool withHistory = true)
    {
        // The goal must be the subject's (a counsellor reads a client's goals only at the client's address) and the
        // signed-in person must be allowed the operation on it. To show it, one statement also says whether it has a
        // history and whether anyone has commented on it or its milestones: most goals have neither, and then neither
        // is read.
        var shown = withHistory ? await db.FindGoalToShowAsync(id, subject.OwnerId) : null;
        var goal = withHistory ? shown?.Goal : await db.FindGoalAsync(id, subject.OwnerId);
        if (!await authorization.MayAsync(User, goal, operation))
        {
            return false;
        }

        Goal = goal!;
        await db.LoadMilestonesAsync(Goal);
        await db.LoadPlanAsync(Goal);
        _historyLoaded = withHistory;
        if (shown is { HasHistory: true })
        {
            await db.LoadHistoryAsync(Goal);
        }

        _mayHaveComments = shown?.HasComments ?? true;
        return true;
    }

    private static readonly CompiledQuery<Func<AppDbContext, string, IAsyncEnumerable<KeyValuePair<int, string>>>> ContactNames = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string owner) => db.Contacts.AsNoTracking().Where(c => c.OwnerId == owner).OrderBy(c => c.Name)
            .Select(c => new KeyValuePair<int, string>(c.Id, c.Name))));

    /// <summary>The person's contacts by id in name order, to pick from and to name the plan's people (a compiled query: every view runs it).</summary>
    private async Task<Dictionary<int, string>> ContactNamesAsync(string ownerId)
    {
        var names = new Dictionary<int, string>();
        await foreach (var (contactId, name) in ContactNames.For(db)(db, ownerId))
        {
            names[contactId] = name;
        }

        return names;
    }

    /// <summary>
    /// Loads what only the page shows (contacts to pick from, the reflection items, the coach's verdict, the history
    /// when a change loaded the goal without it) and renders it. Posts that succeed redirect instead, so they never
    /// pay for these queries.
    /// </summary>
    private async Task<IActionResult> ShowAsync()
    {
        if (!_historyLoaded)
        {
            await db.LoadHistoryAsync(Goal);
            _historyLoaded = true;
        }

        Milestones = Goal.OrderedMilestones;
        Plan = [.. Goal.PlanItems.OrderBy(p => p.Kind).ThenBy(p => p.Id)];
        History = Goal.History();
        // Contacts are private to the person in every scope; the reflection items a goal serves are shown to a
        // counsellor only when the reflection is shared too.
        Contacts = subject.IsSelf
            ? await ContactNamesAsync(Goal.OwnerId)
            : new Dictionary<int, string>();
        // The reflection is read only to name what the goal serves and the links in its history: a goal with neither
        // skips the query (and the parsing of the answers).
        var namesLinks = Goal.Links.Count > 0 || History.Any(e => e.Changed.Contains(GoalField.Links));
        var choices = namesLinks && subject.Shows(SharedArea.Reflection) ? await reflection.ForAsync(Goal.OwnerId) : [];
        var keys = Goal.Links.Select(ReflectionChoices.Key).ToHashSet();
        LinkedItems = choices.Where(c => keys.Contains(c.Value)).ToList();
        LinkLabels = choices.GroupBy(c => c.Value).ToDictionary(g => g.Key, g => g.First().Label);
        Verdict = verdicts.Check(Goal.CoachInput, Today);
        Comments = _mayHaveComments
            ? await comments.LoadAsync(Goal.OwnerId, User.RequireUserId(), [(CommentTarget.Goal, Goal.Id), .. Milestones.Select(m => (CommentTarget.Milestone, m.Id))])
            : new Dictionary<(CommentTarget, int), CommentThread>();
        CanComment = !subject.IsSelf || await db.SharesWithACounsellorAsync(Goal.OwnerId);
        CommentFeedback = CommentFeedback.From(TempData);
        return Page();
    }

    private enum OutcomeKind
    {
        Save,
        Show,
        NotFound,
        Stale,
        Answered,
    }

    /// <summary>What a change decided: save it (and the message to show then), or answer without saving.</summary>
    private sealed record Outcome(string? Message, string? Celebration = null, OutcomeKind Kind = OutcomeKind.Save)
    {
        public static readonly Outcome Show = new(null, Kind: OutcomeKind.Show);
        public static readonly Outcome NotFound = new(null, Kind: OutcomeKind.NotFound);
        public static readonly Outcome Stale = new(null, Kind: OutcomeKind.Stale);

        /// <summary>Nothing to save — it was done already (removed in another tab, or this very form sent twice).</summary>
        public static Outcome Answered(string message) => new(message, Kind: OutcomeKind.Answered);
    }

    public sealed record MilestoneInput
    {
        /// <summary>New for every form shown; the milestone stores it, so the form sent twice adds one.</summary>
        public Guid IdempotencyKey { get; init; } = Guid.NewGuid();

        public string? Title { get; init; }

        public DateOnly? DueOn { get; init; }

        public string? Notes { get; init; }
    }

    public sealed record PlanInput
    {
        /// <summary>New for every form shown; the item stores it, so the form sent twice adds one.</summary>
        public Guid IdempotencyKey { get; init; } = Guid.NewGuid();

        public PlanItemKind Kind { get; init; }

        public string? Text { get; init; }

        public string? Detail { get; init; }

        public int? ContactId { get; init; }
    }
}
