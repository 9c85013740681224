using CareerCompass.Domain.Common;
using CareerCompass.Domain.Reflection;

namespace CareerCompass.Domain.Goals;

public enum GoalStatus
{
    Draft,
    Active,
    Paused,
    Achieved,
    Retired,
}

/// <summary>A link from a goal to the reflection item it serves: a value, an interest, part of the vision, an option.</summary>
public sealed record ReflectionLink(ReflectionStepKind Step, string ItemId);

public sealed record GoalDetails(
    string? Statement,
    GoalHorizon Horizon,
    string? Measure = null,
    string? Target = null,
    DateOnly? Deadline = null,
    int? Confidence = null,
    string? ConfidencePlan = null,
    IReadOnlyList<string>? Skills = null,
    IReadOnlyList<ReflectionLink>? Links = null);

/// <summary>
/// A career goal. It can be saved as a draft while not yet SMART; activating it asks for all five criteria, or an
/// explicit "activate anyway". Milestones and plan items are records of their own that point back here.
/// </summary>
public sealed class Goal : OwnedEntity
{
    public const int StatementLength = 500;
    public const int FieldLength = Limits.ShortText;
    public const int MaxSkills = 30;
    public const int MaxLinks = 50;
    public const int MaxMilestones = 50;
    public const int MaxPlanItems = 100;

    private Goal(string ownerId, DateOnly startedOn)
        : base(ownerId)
    {
        StartedOn = startedOn;
        Statement = string.Empty;
    }

    public string Statement { get; private set; }

    public GoalHorizon Horizon { get; private set; }

    public string? Measure { get; private set; }

    public string? Target { get; private set; }

    public DateOnly? Deadline { get; private set; }

    public int? Confidence { get; private set; }

    public string? ConfidencePlan { get; private set; }

    public List<string> Skills { get; private set; } = [];

    public List<ReflectionLink> Links { get; private set; } = [];

    public GoalStatus Status { get; private set; }

    /// <summary>The day the goal was written: no milestone can be due before it.</summary>
    public DateOnly StartedOn { get; private set; }

    public DateOnly? AchievedOn { get; private set; }

    public bool ActivatedAnyway { get; private set; }

    /// <summary>Achieved and retired goals are kept as they were: no edits, no new milestones or plan items.</summary>
    public bool IsClosed => Status is GoalStatus.Achieved or GoalStatus.Retired;

    public static Goal Create(string ownerId, GoalDetails details, DateOnly today)
    {
        var goal = new Goal(ownerId, today);
        goal.Update(details, today);
        return goal;
    }

    public void Update(GoalDetails details, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(details);
        EnsureOpen();
        var statement = Strings.Tidy(details.Statement);
        if (statement is null)
        {
            throw new DomainRuleException(nameof(GoalDetails.Statement), "Please write your goal in a sentence — you can refine it with the coach.");
        }

        if (details.Confidence is < 1 or > 10)
        {
            throw new DomainRuleException(nameof(GoalDetails.Confidence), "Please choose a confidence from 1 to 10.");
        }

        if (details.Deadline is { } deadline && deadline < StartedOn)
        {
            throw new DomainRuleException(nameof(GoalDetails.Deadline), "The deadline can't be before the day you set the goal.");
        }

        Statement = statement;
        Horizon = details.Horizon;
        Measure = Strings.Tidy(details.Measure);
        Target = Strings.Tidy(details.Target);
        Deadline = details.Deadline;
        Confidence = details.Confidence;
        ConfidencePlan = Strings.Tidy(details.ConfidencePlan);
        Skills = (details.Skills ?? []).Select(Strings.Tidy).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxSkills).ToList();
        Links = (details.Links ?? []).Distinct().Take(MaxLinks).ToList();
    }

    /// <summary>
    /// Refuses a change to an achieved or retired goal — its wording, its milestones and plan, its status — whatever
    /// the page offered.
    /// </summary>
    public void EnsureOpen()
    {
        if (IsClosed)
        {
            throw new DomainRuleException(string.Empty, Status == GoalStatus.Achieved
                ? "This goal is achieved, so it stays just as it was — something to look back on. To keep going, start a new goal."
                : "This goal is retired, so it stays as it was. If it fits again, you can start a new goal any time.");
        }
    }

    /// <summary>A new milestone at the end of the list, within the cap of <see cref="MaxMilestones"/>.</summary>
    public Milestone AddMilestone(IReadOnlyCollection<Milestone> existing, string? title, DateOnly dueOn, string? notes)
    {
        ArgumentNullException.ThrowIfNull(existing);
        EnsureOpen();
        if (existing.Count >= MaxMilestones)
        {
            throw new DomainRuleException(nameof(Milestone.Title), $"A goal can have up to {MaxMilestones} milestones. Consider splitting it into two goals.");
        }

        return Milestone.Create(this, title, dueOn, notes, existing.Count == 0 ? 0 : existing.Max(m => m.Order) + 1);
    }

    /// <summary>A new line in the action plan, within the cap of <see cref="MaxPlanItems"/>.</summary>
    public PlanItem AddPlanItem(int existingCount, PlanItemKind kind, string? text, string? detail, int? contactId)
    {
        EnsureOpen();
        if (existingCount >= MaxPlanItems)
        {
            throw new DomainRuleException(nameof(PlanItem.Text), $"The action plan can have up to {MaxPlanItems} items.");
        }

        return PlanItem.Create(this, kind, text, detail, contactId);
    }

    public SmartVerdict Check(DateOnly today) => SmartCoach.Check(
        new SmartInput(Statement, Horizon, Measure, Target, Deadline, Confidence, Links.Count, HasConfidencePlan: ConfidencePlan is not null),
        today);

    /// <summary>Makes the goal active: it must meet all five SMART criteria, unless the person chooses to go ahead anyway.</summary>
    public void Activate(DateOnly today, bool anyway)
    {
        EnsureOpen();
        if (!anyway && !Check(today).AllMet)
        {
            throw new DomainRuleException(string.Empty, "This goal isn't fully SMART yet. Follow the coach's advice, or choose \"Activate anyway\" if you're happy with it as it is.");
        }

        Status = GoalStatus.Active;
        ActivatedAnyway = anyway && !Check(today).AllMet;
        AchievedOn = null;
    }

    public void Pause() => Move(GoalStatus.Paused, GoalStatus.Active);

    public void Resume() => Move(GoalStatus.Active, GoalStatus.Paused);

    public void Retire() => Move(GoalStatus.Retired, GoalStatus.Draft, GoalStatus.Active, GoalStatus.Paused);

    /// <summary>Marks the goal achieved and records the day: time to celebrate.</summary>
    public void MarkAchieved(DateOnly today)
    {
        Move(GoalStatus.Achieved, GoalStatus.Active, GoalStatus.Paused);
        AchievedOn = today;
    }

    private void Move(GoalStatus to, params GoalStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new DomainRuleException(string.Empty, $"A goal that is {Status.ToString().ToLowerInvariant()} can't be made {to.ToString().ToLowerInvariant()}.");
        }

        Status = to;
    }
}
