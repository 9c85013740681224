using CareerCompass.Domain.Common;
using CareerCompass.Domain.Goals;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Goals;

/// <summary>
/// Write or change a goal with the SMART coach alongside. Saves as a draft whatever the coach says; the verdict is
/// shown after saving without JavaScript and live as the person types with it.
/// </summary>
public sealed class Edit(AppDbContext db, IAuthorizationService authorization, ReflectionChoices reflection, IValidator<Edit.InputModel> validator, PersonClock clock, Subject subject) : PageModel
{
    public const string StaleMessage =
        "This goal was changed somewhere else (perhaps in another tab) after you opened it. Your text is still below — " +
        "reload the latest version to see what changed, then make your edits again.";

    public static readonly IReadOnlyList<string> Examples =
    [
        "Become a team leader within two years",
        "Complete two leadership courses this year",
        "Earn a digital-marketing certification by December",
    ];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int? Id { get; private set; }

    /// <summary>
    /// The review this edit is part of: only ever the person's own review in progress (and, for an existing goal,
    /// one that reviews this goal) — any other id in the address is ignored.
    /// </summary>
    public int? ReviewId { get; private set; }

    public bool IsStale { get; private set; }

    public IReadOnlyList<LinkChoice> Choices { get; private set; } = [];

    public IReadOnlyList<string> SuggestedSkills { get; private set; } = [];

    public SmartVerdict Verdict { get; private set; } = null!;

    private DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync([FromRoute] int? id, int? example, int? review)
    {
        string? reviewReason = null;
        if (id is not null)
        {
            var goal = await db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id);
            if (!await authorization.MayAsync(User, goal, RecordOperations.Change))
            {
                return NotFound();
            }

            Id = id;
            (ReviewId, reviewReason) = await ReviewOfAsync(review, id);
            Input = InputModel.From(goal!) with { Reason = reviewReason };
        }
        else if (example is >= 0 && example < Examples.Count)
        {
            Input = new InputModel { Statement = Examples[example.Value] };
        }

        if (id is null)
        {
            (ReviewId, _) = await ReviewOfAsync(review, null);
        }

        await PrepareAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] int? id, int? review)
    {
        Id = id;
        (ReviewId, _) = await ReviewOfAsync(review, id);
        Goal? goal = null;
        if (id is not null)
        {
            goal = await db.Goals.FirstOrDefaultAsync(g => g.Id == id);
            if (!await authorization.MayAsync(User, goal, RecordOperations.Change))
            {
                return NotFound();
            }

            // With its milestones: a new deadline must not leave any of them due after it.
            await db.LoadMilestonesAsync(goal!);
        }
        else if (await db.Goals.CreatedWithAsync(subject.OwnerId, Input.IdempotencyKey) is { } created)
        {
            return ShowCreated(created);
        }

        foreach (var error in (await validator.ValidateAsync(Input)).Errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.PropertyName}", error.ErrorMessage);
        }

        var choices = await reflection.ForAsync(subject.OwnerId);
        var known = choices.Select(c => c.Value).ToHashSet();
        if (Input.Links.Any(l => !known.Contains(l)))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Links)}", "One of the linked items no longer exists in your reflection. Please reload the page and choose again.");
        }

        if (!ModelState.IsValid)
        {
            await PrepareAsync(choices);
            return Page();
        }

        var result = await db.ApplyAndSaveAsync(ModelState, nameof(Input), StaleMessage, () =>
        {
            if (goal is null)
            {
                goal = Goal.Create(subject.OwnerId, Input.ToDetails(), Today);
                db.Goals.Add(goal);
                db.SetIdempotencyKey(goal, Input.IdempotencyKey);
            }
            else
            {
                db.Entry(goal).Property(g => g.Version).OriginalValue = Input.Version;
                goal.Revise(Input.ToDetails(), Input.Reason, ReviewId, clock.UtcNow);
            }
        });
        if (result == SaveResult.Duplicate && await db.Goals.CreatedWithAsync(subject.OwnerId, Input.IdempotencyKey) is { } same)
        {
            return ShowCreated(same);
        }

        if (result != SaveResult.Saved)
        {
            IsStale = result == SaveResult.Stale;
            await PrepareAsync(choices);
            return Page();
        }

        if (ReviewId is { } reviewId)
        {
            TempData[StatusMessages.Key] = id is null
                ? $"Saved your new goal, \"{goal!.Statement}\". Carry on with your review whenever you're ready."
                : $"Saved. The change to \"{goal!.Statement}\" is kept in its history with this review.";
            return RedirectToPage(id is null ? "/Reviews/NewGoals" : "/Reviews/GoalDecisions", new { id = reviewId });
        }

        TempData[StatusMessages.Key] = goal!.Check(Today).AllMet
            ? "Saved. Your goal is SMART — ready to activate when you are."
            : "Saved as a draft. The coach's notes below show what would make it SMART.";
        return RedirectToPage("Details", new { id = goal.Id });
    }

    /// <summary>
    /// The review id from the address if it is the person's own review in progress and (for an existing goal) it
    /// reviews this goal; with the reason they gave in it for that goal.
    /// </summary>
    private async Task<(int? Id, string? Reason)> ReviewOfAsync(int? review, int? goalId)
    {
        if (review is null)
        {
            return (null, null);
        }

        var owner = subject.OwnerId;
        var found = await db.Reviews.AsNoTracking()
            .Where(r => r.Id == review && r.OwnerId == owner && r.CompletedOn == null && (goalId == null || r.Goals.Any(g => g.GoalId == goalId)))
            .Select(r => new { r.Id, Reason = r.Goals.Where(g => g.GoalId == goalId).Select(g => g.DecisionReason).FirstOrDefault() })
            .FirstOrDefaultAsync();
        return found is null ? (null, null) : (found.Id, found.Reason);
    }

    /// <summary>This new-goal form was already saved (sent twice): show the goal it made.</summary>
    private RedirectToPageResult ShowCreated(int id)
    {
        TempData[StatusMessages.Key] = "Saved. Here's your goal.";
        return RedirectToPage("Details", new { id });
    }

    private async Task PrepareAsync(IReadOnlyList<LinkChoice>? choices = null)
    {
        Choices = choices ?? await reflection.ForAsync(subject.OwnerId);
        SuggestedSkills = (await reflection.SuggestedSkillsAsync(Choices.Where(c => Input.Links.Contains(c.Value))))
            .Where(s => !Input.SkillList.Contains(s, StringComparer.OrdinalIgnoreCase)).ToList();
        Verdict = SmartCoach.Check(Input.ToSmartInput(), Today);
    }

    public sealed record InputModel
    {
        public string? Statement { get; init; }

        public GoalHorizon Horizon { get; init; } = GoalHorizon.ShortTerm;

        public string? Measure { get; init; }

        public string? Target { get; init; }

        public DateOnly? Deadline { get; init; }

        public int? Confidence { get; init; }

        public string? ConfidencePlan { get; init; }

        /// <summary>Skills this goal needs, one per line.</summary>
        public string? Skills { get; init; }

        /// <summary>Suggested skills ticked from the linked occupations.</summary>
        public List<string> AddSkills { get; init; } = [];

        /// <summary>Linked reflection items as "Step:ItemId".</summary>
        public List<string> Links { get; init; } = [];

        /// <summary>"What changed, and why?" — optional, kept with the goal's history.</summary>
        public string? Reason { get; init; }

        public Guid Version { get; init; }

        /// <summary>New for every form shown; a new goal stores it, so the form sent twice makes one goal.</summary>
        public Guid IdempotencyKey { get; init; } = Guid.NewGuid();

        public IReadOnlyList<string> SkillList =>
            (Skills ?? string.Empty).Split('\n').Concat(AddSkills).Select(Strings.Tidy).OfType<string>().ToList();

        public static InputModel From(Goal goal) => new()
        {
            Statement = goal.Statement,
            Horizon = goal.Horizon,
            Measure = goal.Measure,
            Target = goal.Target,
            Deadline = goal.Deadline,
            Confidence = goal.Confidence,
            ConfidencePlan = goal.ConfidencePlan,
            Skills = string.Join('\n', goal.Skills),
            Links = goal.Links.Select(ReflectionChoices.Key).ToList(),
            Version = goal.Version,
        };

        public GoalDetails ToDetails() => new(
            Statement, Horizon, Measure, Target, Deadline, Confidence, ConfidencePlan, SkillList,
            Links.Select(ReflectionChoices.Parse).OfType<Domain.Goals.ReflectionLink>().ToList());

        public SmartInput ToSmartInput() =>
            new(Statement ?? string.Empty, Horizon, Measure, Target, Deadline, Confidence, Links.Count, !string.IsNullOrWhiteSpace(ConfidencePlan));
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Statement).NotEmpty().WithMessage("Please write your goal in a sentence — you can refine it with the coach.")
                .MaximumLength(Goal.StatementLength).WithMessage($"Please keep the goal under {Goal.StatementLength} characters; details can go in milestones.");
            RuleFor(x => x.Horizon).IsInEnum().WithMessage("Please choose short, medium or long term.");
            RuleFor(x => x.Measure).MaximumLength(Goal.FieldLength).WithMessage($"Please keep this under {Goal.FieldLength} characters.");
            RuleFor(x => x.Target).MaximumLength(Goal.FieldLength).WithMessage($"Please keep this under {Goal.FieldLength} characters.");
            RuleFor(x => x.Confidence).InclusiveBetween(1, 10).WithMessage("Please choose a confidence from 1 to 10.");
            RuleFor(x => x.ConfidencePlan).MaximumLength(Limits.LongText).WithMessage("Please keep the plan under 4,000 characters.");
            RuleFor(x => x.SkillList).Must(s => s.Count <= Goal.MaxSkills).WithMessage($"You can list up to {Goal.MaxSkills} skills.")
                .Must(s => s.All(k => k.Length <= Goal.FieldLength)).WithMessage($"Please keep each skill under {Goal.FieldLength} characters.")
                .OverridePropertyName(nameof(InputModel.Skills));
            RuleFor(x => x.Reason).MaximumLength(GoalRevision.ReasonLength).WithMessage($"Please keep the reason under {GoalRevision.ReasonLength} characters.");
            RuleFor(x => x.Links).Must(l => l.Count <= Goal.MaxLinks).WithMessage($"You can link up to {Goal.MaxLinks} items.");
        }
    }
}
