using System.Globalization;
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

public enum MilestoneMove
{
    Up,
    Down,
}

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
/// A career goal, and the aggregate for its milestones, action plan and history: every change to those goes through
/// the goal, which keeps the caps, the order and the dates right. It can be saved as a draft while not yet SMART;
/// activating it asks for all five criteria, or an explicit "activate anyway". Each edit, and retiring or achieving
/// it, records the version it was in <see cref="Revisions"/>.
/// </summary>
public sealed class Goal : OwnedEntity
{
    public const int StatementLength = 500;
    public const int FieldLength = Limits.ShortText;
    public const int MaxSkills = 30;
    public const int MaxLinks = 50;
    public const int MaxMilestones = 50;
    public const int MaxPlanItems = 100;
    public const string AchievedReason = "Achieved";

    private readonly List<Milestone> _milestones = [];
    private readonly List<PlanItem> _planItems = [];
    private readonly List<GoalRevision> _revisions = [];

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

    /// <summary>Dated steps towards the goal; see <see cref="OrderedMilestones"/> for the order the person chose.</summary>
    public IReadOnlyCollection<Milestone> Milestones => _milestones.AsReadOnly();

    public IReadOnlyCollection<PlanItem> PlanItems => _planItems.AsReadOnly();

    /// <summary>Earlier versions, oldest first (as loaded: a page that doesn't show the history needn't load them).</summary>
    public IReadOnlyCollection<GoalRevision> Revisions => _revisions.AsReadOnly();

    /// <summary>Achieved and retired goals are kept as they were: no edits, no new milestones or plan items.</summary>
    public bool IsClosed => Status is GoalStatus.Achieved or GoalStatus.Retired;

    public IReadOnlyList<Milestone> OrderedMilestones => [.. _milestones.OrderBy(m => m.Order).ThenBy(m => m.DueOn)];

    public GoalSnapshot Snapshot => new(Statement, Horizon, Measure, Target, Deadline, Confidence, [.. Links], Status);

    public static Goal Create(string ownerId, GoalDetails details, DateOnly today)
    {
        var goal = new Goal(ownerId, today);
        goal.Apply(details);
        return goal;
    }

    /// <summary>
    /// Changes the goal's wording and dates and records the version it was, with why (optional) and the review it
    /// came from (if any). Saving the same goal again without a reason records nothing.
    /// </summary>
    public GoalRevision? Revise(GoalDetails details, string? reason, int? reviewId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(details);
        EnsureOpen();
        GoalRevision.CheckReason(reason);
        var before = Snapshot;
        Apply(details);
        return before.ChangesTo(Snapshot).Count == 0 && Strings.Tidy(reason) is null ? null : Record(before, reason, reviewId, now);
    }

    /// <summary>
    /// Each earlier version, newest first, with the version it became (the next revision, or the goal as it is now)
    /// and the fields that changed.
    /// </summary>
    public IReadOnlyList<GoalHistoryEntry> History()
    {
        // In the order they were recorded — stored ones by id, then any new ones — not by clock times, which needn't
        // be monotonic.
        var revisions = _revisions.OrderBy(r => r.Id == 0 ? int.MaxValue : r.Id).ToList();
        var entries = new List<GoalHistoryEntry>(revisions.Count);
        for (var i = 0; i < revisions.Count; i++)
        {
            var before = revisions[i].Before;
            var after = i + 1 < revisions.Count ? revisions[i + 1].Before : Snapshot;
            entries.Add(new GoalHistoryEntry(revisions[i], before, after, before.ChangesTo(after)));
        }

        entries.Reverse();
        return entries;
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
    public Milestone AddMilestone(string? title, DateOnly dueOn, string? notes)
    {
        EnsureOpen();
        if (_milestones.Count >= MaxMilestones)
        {
            throw new DomainRuleException(nameof(Milestone.Title), $"A goal can have up to {MaxMilestones} milestones. Consider splitting it into two goals.");
        }

        var milestone = Milestone.Create(this, title, dueOn, notes, _milestones.Count == 0 ? 0 : _milestones.Max(m => m.Order) + 1);
        _milestones.Add(milestone);
        return milestone;
    }

    /// <summary>Swaps a milestone with its neighbour (nothing moves past either end) and renumbers them all.</summary>
    public Milestone MoveMilestone(int milestoneId, MilestoneMove direction, Guid version)
    {
        var milestone = MilestoneToChange(milestoneId, version);
        var ordered = OrderedMilestones.ToList();
        var index = ordered.IndexOf(milestone);
        var target = direction == MilestoneMove.Up ? index - 1 : index + 1;
        if (target >= 0 && target < ordered.Count)
        {
            (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
        }

        Milestone.Renumber(ordered);
        return milestone;
    }

    /// <summary>Gives a milestone another due date, within the goal's dates.</summary>
    public Milestone RescheduleMilestone(int milestoneId, DateOnly dueOn, Guid version)
    {
        var milestone = MilestoneToChange(milestoneId, version);
        milestone.Update(this, milestone.Title, dueOn, milestone.Notes);
        return milestone;
    }

    public Milestone RemoveMilestone(int milestoneId, Guid version)
    {
        var milestone = MilestoneToChange(milestoneId, version);
        _milestones.Remove(milestone);
        Milestone.Renumber(OrderedMilestones);
        return milestone;
    }

    /// <summary>Sets a milestone's status; true when this made it the last of them to be done — time to celebrate.</summary>
    public bool SetMilestoneStatus(int milestoneId, MilestoneStatus status, DateOnly today, Guid version)
    {
        var milestone = MilestoneToChange(milestoneId, version);
        if (!Enum.IsDefined(status))
        {
            throw new DomainRuleException(string.Empty, "Please choose a status from the list.");
        }

        var wasDone = milestone.Status == MilestoneStatus.Done;
        milestone.SetStatus(status, today);
        return status == MilestoneStatus.Done && !wasDone && GoalProgress.Of(_milestones.Select(m => m.Status)).IsComplete;
    }

    /// <summary>A new line in the action plan, within the cap of <see cref="MaxPlanItems"/>.</summary>
    public PlanItem AddPlanItem(PlanItemKind kind, string? text, string? detail, int? contactId)
    {
        EnsureOpen();
        if (_planItems.Count >= MaxPlanItems)
        {
            throw new DomainRuleException(nameof(PlanItem.Text), $"The action plan can have up to {MaxPlanItems} items.");
        }

        var item = PlanItem.Create(this, kind, text, detail, contactId);
        _planItems.Add(item);
        return item;
    }

    /// <summary>Removes a line of the plan, if the copy it was removed from is current.</summary>
    public PlanItem RemovePlanItem(int itemId, Guid version)
    {
        EnsureOpen();
        var item = _planItems.FirstOrDefault(p => p.Id == itemId) ?? throw new RecordNotFoundException();
        if (item.Version != version)
        {
            throw new StaleRecordException();
        }

        _planItems.Remove(item);
        return item;
    }

    /// <summary>What the coach judges the goal on, as it stands.</summary>
    public SmartInput CoachInput => new(Statement, Horizon, Measure, Target, Deadline, Confidence, Links.Count, HasConfidencePlan: ConfidencePlan is not null);

    public SmartVerdict Check(DateOnly today) => SmartCoach.Check(CoachInput, today);

    /// <summary>
    /// Makes the goal active: it must meet all five SMART criteria, unless the person chooses to go ahead anyway.
    /// Every status change is recorded in the history, so each entry there is one change.
    /// </summary>
    public GoalRevision Activate(DateOnly today, bool anyway, DateTimeOffset now)
    {
        EnsureOpen();
        var smart = Check(today).AllMet;
        if (!anyway && !smart)
        {
            throw new DomainRuleException(string.Empty, "This goal isn't fully SMART yet. Follow the coach's advice, or choose \"Activate anyway\" if you're happy with it as it is.");
        }

        var before = Snapshot;
        Status = GoalStatus.Active;
        ActivatedAnyway = anyway && !smart;
        AchievedOn = null;
        return Record(before, reason: null, reviewId: null, now);
    }

    public GoalRevision Pause(DateTimeOffset now, int? reviewId = null) => Move(GoalStatus.Paused, null, reviewId, now, GoalStatus.Active);

    public GoalRevision Resume(DateTimeOffset now) => Move(GoalStatus.Active, null, null, now, GoalStatus.Paused);

    /// <summary>Retires the goal, recording the version it was and why (optional).</summary>
    public GoalRevision Retire(string? reason, DateTimeOffset now, int? reviewId = null)
    {
        EnsureOpen();
        GoalRevision.CheckReason(reason);
        return Move(GoalStatus.Retired, reason, reviewId, now, GoalStatus.Draft, GoalStatus.Active, GoalStatus.Paused);
    }

    /// <summary>Marks the goal achieved and records the day, and the version it was: time to celebrate.</summary>
    public GoalRevision MarkAchieved(DateOnly today, DateTimeOffset now, int? reviewId = null)
    {
        EnsureOpen();
        var revision = Move(GoalStatus.Achieved, AchievedReason, reviewId, now, GoalStatus.Active, GoalStatus.Paused);
        AchievedOn = today;
        return revision;
    }

    private GoalRevision Record(GoalSnapshot before, string? reason, int? reviewId, DateTimeOffset now)
    {
        var revision = GoalRevision.Of(this, before, reason, reviewId, now);
        _revisions.Add(revision);
        return revision;
    }

    /// <summary>The milestone a change names, if the goal is open, the milestone is the goal's and the copy is current.</summary>
    private Milestone MilestoneToChange(int milestoneId, Guid version)
    {
        EnsureOpen();
        var milestone = _milestones.FirstOrDefault(m => m.Id == milestoneId) ?? throw new RecordNotFoundException();
        return milestone.Version == version ? milestone : throw new StaleRecordException();
    }

    private void Apply(GoalDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
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

        if (details.Deadline is { } newDeadline && OrderedMilestones.Where(m => m.DueOn > newDeadline).ToList() is { Count: > 0 } late)
        {
            var names = string.Join(", ", late.Select(m => $"\"{m.Title}\" ({m.DueOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture)})"));
            throw new DomainRuleException(nameof(GoalDetails.Deadline), late.Count == 1
                ? $"This milestone is due after the new deadline: {names}. Move it first, or choose a later deadline."
                : $"These milestones are due after the new deadline: {names}. Move them first, or choose a later deadline.");
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

    private GoalRevision Move(GoalStatus to, string? reason, int? reviewId, DateTimeOffset now, params GoalStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new DomainRuleException(string.Empty, $"A goal that is {Status.ToString().ToLowerInvariant()} can't be made {to.ToString().ToLowerInvariant()}.");
        }

        var before = Snapshot;
        Status = to;
        return Record(before, reason, reviewId, now);
    }
}
