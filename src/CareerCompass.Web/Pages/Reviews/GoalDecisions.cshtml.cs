using CareerCompass.Domain.Common;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reviews;

/// <summary>
/// Step 2: for each goal the review started with, its progress since the last review (the milestones done), what
/// helped, the obstacles, feedback and from whom, and a decision. Two queries whatever the number of goals.
/// </summary>
public sealed class GoalDecisions(AppDbContext db, IAuthorizationService authorization, PersonClock clock) : WizardFormPage(db, authorization, clock)
{
    public const string UnknownDecision = "Please choose one of the decisions listed.";
    public const string PivotNeedsReason = "Please say in a few words why this goal is changing direction.";
    public const string RetireNeedsReason = "Please say in a few words why you're retiring this goal.";
    public const string AlreadyPaused = "This goal is already paused. Choose keep to leave it paused.";
    public static readonly string TextTooLong = $"That's a lot for one box — please keep it under {Review.TextLength:N0} characters.";
    public static readonly string FromTooLong = $"Please keep this under {Limits.ShortText} characters.";
    public static readonly string ReasonTooLong = $"Please keep the reason under {Review.ReasonLength} characters.";

    [BindProperty]
    public List<GoalAnswersInput> Answers { get; set; } = [];

    public override ReviewStep CurrentStep => ReviewStep.Goals;

    /// <summary>Each goal as it is now (it may have changed during the review), by id.</summary>
    public IReadOnlyDictionary<int, GoalNow> Current { get; private set; } = new Dictionary<int, GoalNow>();

    /// <summary>Milestones done since the last review, by goal.</summary>
    public ILookup<int, DoneMilestone> DoneSince { get; private set; } = Array.Empty<DoneMilestone>().ToLookup(m => m.GoalId);

    /// <summary>The posted (or stored) answers of the review's goal at <paramref name="index"/> of <see cref="ReviewGoal"/> order.</summary>
    public GoalAnswersInput AnswersFor(int index) => index < Answers.Count ? Answers[index] : new GoalAnswersInput { GoalId = Review.OrderedGoals[index].GoalId };

    protected override void FillForm() => Answers = Review.OrderedGoals.Select(GoalAnswersInput.From).ToList();

    protected override void Validate(bool strict)
    {
        var goals = Review.OrderedGoals;
        var posted = Answers;

        // The form lists the goals in order; a missing or reordered entry is matched back to its goal by id.
        Answers = goals.Select(g => posted.FirstOrDefault(a => a.GoalId == g.GoalId) ?? GoalAnswersInput.From(g)).ToList();
        for (var i = 0; i < goals.Count; i++)
        {
            var answers = Answers[i];
            var field = $"{nameof(Answers)}[{i}].";
            if (answers.Helped is { Length: > Review.TextLength })
            {
                ModelState.AddModelError(field + nameof(answers.Helped), TextTooLong);
            }

            if (answers.Obstacles is { Length: > Review.TextLength })
            {
                ModelState.AddModelError(field + nameof(answers.Obstacles), TextTooLong);
            }

            if (answers.Feedback is { Length: > Review.TextLength })
            {
                ModelState.AddModelError(field + nameof(answers.Feedback), TextTooLong);
            }

            if (answers.FeedbackFrom is { Length: > Limits.ShortText })
            {
                ModelState.AddModelError(field + nameof(answers.FeedbackFrom), FromTooLong);
            }

            if (answers.DecisionReason is { Length: > Review.ReasonLength })
            {
                ModelState.AddModelError(field + nameof(answers.DecisionReason), ReasonTooLong);
            }

            if (!ReviewLabels.TryParse(answers.Decision, out var decision))
            {
                ModelState.AddModelError(field + nameof(answers.Decision), UnknownDecision);
            }
            else if (decision == ReviewDecision.Pause && goals[i].StatusAtStart == GoalStatus.Paused)
            {
                ModelState.AddModelError(field + nameof(answers.Decision), AlreadyPaused);
            }
            else if (strict && string.IsNullOrWhiteSpace(answers.DecisionReason) && decision is ReviewDecision.Pivot or ReviewDecision.Retire)
            {
                ModelState.AddModelError(field + nameof(answers.DecisionReason), decision == ReviewDecision.Pivot ? PivotNeedsReason : RetireNeedsReason);
            }
        }
    }

    protected override void Apply()
    {
        foreach (var answers in Answers)
        {
            var decision = ReviewLabels.TryParse(answers.Decision, out var parsed) ? parsed : throw new DomainRuleException(nameof(answers.Decision), UnknownDecision);
            Review.SaveGoal(answers.GoalId, new ReviewGoalAnswers(answers.Helped, answers.Obstacles, answers.Feedback, answers.FeedbackFrom, decision, answers.DecisionReason));
        }
    }

    protected override async Task PrepareAsync()
    {
        var ids = Review.Goals.Select(g => g.GoalId).ToList();
        var owner = Review.OwnerId;
        Current = await Db.Goals.AsNoTracking().Where(g => g.OwnerId == owner && ids.Contains(g.Id))
            .Select(g => new GoalNow(g.Id, g.Statement, g.Status, g.Deadline)).ToDictionaryAsync(g => g.Id);
        var since = SinceDate;
        DoneSince = (await Db.Milestones.AsNoTracking()
            .Where(m => m.OwnerId == owner && ids.Contains(m.GoalId) && m.Status == MilestoneStatus.Done && m.CompletedOn >= since)
            .OrderBy(m => m.CompletedOn).ThenBy(m => m.Order)
            .Select(m => new DoneMilestone(m.GoalId, m.Title, m.CompletedOn!.Value)).ToListAsync())
            .ToLookup(m => m.GoalId);
    }

    public sealed record GoalNow(int Id, string Statement, GoalStatus Status, DateOnly? Deadline);

    public sealed record DoneMilestone(int GoalId, string Title, DateOnly CompletedOn);

    /// <summary>One goal's answers as the form posts them; the decision is its name, checked before use.</summary>
    public sealed record GoalAnswersInput
    {
        public int GoalId { get; init; }

        public string? Helped { get; init; }

        public string? Obstacles { get; init; }

        public string? Feedback { get; init; }

        public string? FeedbackFrom { get; init; }

        public string? Decision { get; init; }

        public string? DecisionReason { get; init; }

        public static GoalAnswersInput From(ReviewGoal goal)
        {
            ArgumentNullException.ThrowIfNull(goal);
            return new()
            {
                GoalId = goal.GoalId,
                Helped = goal.Helped,
                Obstacles = goal.Obstacles,
                Feedback = goal.Feedback,
                FeedbackFrom = goal.FeedbackFrom,
                Decision = goal.Decision?.ToString(),
                DecisionReason = goal.DecisionReason,
            };
        }
    }
}
