using CareerCompass.Domain.Common;
using CareerCompass.Domain.Goals;

namespace CareerCompass.Domain.Reviews;

/// <summary>Why a review was started.</summary>
public enum ReviewTrigger
{
    /// <summary>Its date came round (or the person started it early from the reminder or the dashboard).</summary>
    Scheduled,

    /// <summary>"Something changed in my life": started at any time, with the reason recorded.</summary>
    LifeChange,
}

/// <summary>The wizard's four steps, in order.</summary>
public enum ReviewStep
{
    LookBack = 1,
    Goals = 2,
    NewGoals = 3,
    Summary = 4,
}

/// <summary>What the person decided for one goal.</summary>
public enum ReviewDecision
{
    Keep,
    Adjust,
    Pivot,
    Pause,
    Achieved,
    Retire,
}

/// <summary>
/// One periodic review: a look back at the reflection, a decision for each active or paused goal, new goals, then a
/// summary and completion. Saved step by step as the person goes (a review left half-way resumes where it stopped);
/// completed, it is read-only. A person has at most one review in progress.
/// </summary>
public sealed class Review : OwnedEntity
{
    public const int TextLength = Limits.LongText;
    public const int ReasonLength = 500;

    private readonly List<ReviewGoal> _goals = [];

    private Review(string ownerId, ReviewTrigger trigger, string? reason, DateOnly startedOn, DateOnly? dueOn, DateTime sinceUtc)
        : base(ownerId)
    {
        Trigger = trigger;
        Reason = reason;
        StartedOn = startedOn;
        DueOn = dueOn;
        SinceUtc = sinceUtc;
        Step = ReviewStep.LookBack;
    }

    public ReviewTrigger Trigger { get; private set; }

    /// <summary>For a review started because life changed: what changed, in the person's words.</summary>
    public string? Reason { get; private set; }

    public DateOnly StartedOn { get; private set; }

    /// <summary>The scheduled review date it answers (the schedule's date when it was started).</summary>
    public DateOnly? DueOn { get; private set; }

    /// <summary>Where the period it looks back on begins: the previous review's completion, or sign-up.</summary>
    public DateTime SinceUtc { get; private set; }

    /// <summary>The step the person is on: where a review left half-way resumes.</summary>
    public ReviewStep Step { get; private set; }

    public string? LookBackNote { get; private set; }

    /// <summary>New goals the person wants to add, in their words (they can draft them in the goal editor).</summary>
    public string? NewGoalIdeas { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    public bool IsCompleted => CompletedOn is not null;

    public IReadOnlyCollection<ReviewGoal> Goals => _goals.AsReadOnly();

    public IReadOnlyList<ReviewGoal> OrderedGoals => [.. _goals.OrderBy(g => g.Order)];

    /// <summary>
    /// Starts a review of <paramref name="goals"/> (the person's active and paused goals, in the order they see
    /// them). A life-change review needs its reason.
    /// </summary>
    public static Review Start(string ownerId, ReviewTrigger trigger, string? reason, DateOnly today, DateOnly? dueOn, DateTime sinceUtc, IEnumerable<Goal> goals)
    {
        ArgumentNullException.ThrowIfNull(goals);
        reason = Strings.Tidy(reason);
        if (trigger == ReviewTrigger.LifeChange && reason is null)
        {
            throw new DomainRuleException(nameof(Reason), "Please say in a few words what changed — it helps you later to see why you reviewed.");
        }

        CheckLength(nameof(Reason), reason, ReasonLength);
        var review = new Review(ownerId, trigger, reason, today, dueOn, sinceUtc);
        var order = 0;
        // Only the person's own goals, each once: a review never holds someone else's goal, nor one goal twice.
        foreach (var goal in goals.Where(g => g.OwnerId == ownerId && g.Status is GoalStatus.Active or GoalStatus.Paused).DistinctBy(g => g.Id))
        {
            review._goals.Add(new ReviewGoal(goal.Id, goal.Statement, goal.Status, order++));
        }

        return review;
    }

    /// <summary>Refuses a change based on an older copy of the review (another tab saved since).</summary>
    public void EnsureVersion(Guid version)
    {
        if (version != Version)
        {
            throw new StaleRecordException();
        }
    }

    public void SaveLookBack(string? note)
    {
        EnsureOpen();
        note = Strings.Tidy(note);
        CheckLength(nameof(LookBackNote), note, TextLength);
        LookBackNote = note;
    }

    public ReviewGoal SaveGoal(int goalId, ReviewGoalAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        EnsureOpen();
        var item = _goals.FirstOrDefault(g => g.GoalId == goalId) ?? throw new RecordNotFoundException("That goal isn't part of this review.");
        item.Save(answers);
        return item;
    }

    public void SaveNewGoalIdeas(string? ideas)
    {
        EnsureOpen();
        ideas = Strings.Tidy(ideas);
        CheckLength(nameof(NewGoalIdeas), ideas, TextLength);
        NewGoalIdeas = ideas;
    }

    public void GoTo(ReviewStep step)
    {
        EnsureOpen();
        if (!Enum.IsDefined(step))
        {
            throw new DomainRuleException(nameof(Step), "That step isn't part of a review.");
        }

        Step = step;
    }

    /// <summary>What still stops the review from being completed: a goal with no decision, or one without its reason.</summary>
    public IReadOnlyList<ReviewProblem> Problems() =>
        [.. OrderedGoals.Select(g => g.Problem()).OfType<ReviewProblem>()];

    /// <summary>
    /// Completes the review today. The decisions that change a goal (pause, achieved, retire) are applied by
    /// <see cref="ApplyDecision"/>; the schedule is moved on by <see cref="ReviewSchedule.Reviewed"/>.
    /// </summary>
    public void Complete(DateOnly today, DateTimeOffset now)
    {
        EnsureOpen();
        if (Problems() is [var first, ..])
        {
            throw new DomainRuleException(first.Field, first.Message);
        }

        CompletedOn = today;
        CompletedAtUtc = now.UtcDateTime;
        Step = ReviewStep.Summary;
    }

    /// <summary>
    /// Carries out this review's decision for <paramref name="goal"/>: pause it, mark it achieved, or retire it with
    /// the reason given. Keep, adjust and pivot change nothing here (adjust and pivot were saved in the goal editor,
    /// tied to this review). A goal closed or changed meanwhile is left as it is. Returns whether the goal changed.
    /// </summary>
    public bool ApplyDecision(Goal goal, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(goal);
        var item = _goals.FirstOrDefault(g => g.GoalId == goal.Id);
        if (item?.Decision is not { } decision || goal.IsClosed)
        {
            return false;
        }

        switch (decision)
        {
            case ReviewDecision.Pause when goal.Status == GoalStatus.Active:
                goal.Pause(now, Id);
                return true;
            case ReviewDecision.Achieved:
                goal.MarkAchieved(today, now, Id);
                return true;
            case ReviewDecision.Retire:
                goal.Retire(item.DecisionReason, now, Id);
                return true;
            default:
                return false;
        }
    }

    private void EnsureOpen()
    {
        if (IsCompleted)
        {
            throw new DomainRuleException(string.Empty, "This review is complete, so it stays as you left it. You can start a new one any time.");
        }
    }

    internal static void CheckLength(string field, string? text, int max)
    {
        if (text is { Length: var length } && length > max)
        {
            throw new DomainRuleException(field, $"Please keep this under {max:N0} characters (it's {length:N0} now).");
        }
    }
}

/// <summary>What a person wrote about one goal in a review.</summary>
public sealed record ReviewGoalAnswers(
    string? Helped,
    string? Obstacles,
    string? Feedback,
    string? FeedbackFrom,
    ReviewDecision? Decision,
    string? DecisionReason);

/// <summary>Something that keeps a review from completing, with the field it is about.</summary>
public sealed record ReviewProblem(int GoalId, string Field, string Message);

/// <summary>One goal in a review: how it was when the review started, what the person wrote, and their decision.</summary>
public sealed class ReviewGoal
{
    internal ReviewGoal(int goalId, string statement, GoalStatus statusAtStart, int order)
    {
        GoalId = goalId;
        Statement = statement;
        StatusAtStart = statusAtStart;
        Order = order;
    }

    public int Id { get; private set; }

    public int ReviewId { get; private set; }

    public int GoalId { get; private set; }

    /// <summary>The goal's wording when the review started (the goal may change during it).</summary>
    public string Statement { get; private set; }

    public GoalStatus StatusAtStart { get; private set; }

    public int Order { get; private set; }

    public string? Helped { get; private set; }

    public string? Obstacles { get; private set; }

    public string? Feedback { get; private set; }

    public string? FeedbackFrom { get; private set; }

    public ReviewDecision? Decision { get; private set; }

    public string? DecisionReason { get; private set; }

    internal void Save(ReviewGoalAnswers answers)
    {
        var helped = Strings.Tidy(answers.Helped);
        var obstacles = Strings.Tidy(answers.Obstacles);
        var feedback = Strings.Tidy(answers.Feedback);
        var from = Strings.Tidy(answers.FeedbackFrom);
        var reason = Strings.Tidy(answers.DecisionReason);
        Review.CheckLength(nameof(Helped), helped, Review.TextLength);
        Review.CheckLength(nameof(Obstacles), obstacles, Review.TextLength);
        Review.CheckLength(nameof(Feedback), feedback, Review.TextLength);
        Review.CheckLength(nameof(FeedbackFrom), from, Limits.ShortText);
        Review.CheckLength(nameof(DecisionReason), reason, Review.ReasonLength);
        if (answers.Decision is { } decision && !Enum.IsDefined(decision))
        {
            throw new DomainRuleException(nameof(Decision), "Please choose one of the decisions.");
        }

        if (answers.Decision == ReviewDecision.Pause && StatusAtStart == GoalStatus.Paused)
        {
            throw new DomainRuleException(nameof(Decision), "This goal is already paused. Choose keep to leave it paused.");
        }

        Helped = helped;
        Obstacles = obstacles;
        Feedback = feedback;
        FeedbackFrom = from;
        Decision = answers.Decision;
        DecisionReason = reason;
    }

    internal ReviewProblem? Problem() => Decision switch
    {
        null => new ReviewProblem(GoalId, nameof(Decision), $"Please choose what to do with “{Statement}”."),
        ReviewDecision.Pivot when DecisionReason is null => new ReviewProblem(GoalId, nameof(DecisionReason), $"Please say why “{Statement}” is changing direction."),
        ReviewDecision.Retire when DecisionReason is null => new ReviewProblem(GoalId, nameof(DecisionReason), $"Please say why you're retiring “{Statement}”."),
        _ => null,
    };
}
