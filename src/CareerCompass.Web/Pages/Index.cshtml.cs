using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Journey;
using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Components;
using CareerCompass.Web.Data;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Infrastructure.Reviews;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages;

/// <summary>
/// A visitor sees what CareerCompass does; a signed-in person sees their dashboard. The dashboard runs the same
/// queries (the review schedule with two counts, goals, milestones; and the new comments for a person a counsellor
/// has written to) whatever the number of goals and milestones (a test counts them).
/// </summary>
[AllowAnonymous]
[SharedPage(SharedArea.Dashboard, "")]
public sealed class Index(AppDbContext db, PersonClock clock, ReviewPlanning planning, Subject subject) : PageModel
{
    /// <summary>The person's review schedule (always shown: the next review date is never out of sight).</summary>
    public ReviewSchedule? Schedule { get; private set; }

    public IReadOnlyList<JourneyStep> Journey { get; private set; } = [];

    public int FollowUpsDue { get; private set; }

    public int ReflectionStepsDone { get; private set; }

    public IReadOnlyList<GoalRow> ActiveGoals { get; private set; } = [];

    public IReadOnlyList<MilestoneRow> NextMilestones { get; private set; } = [];

    /// <summary>Every overdue milestone of an active goal, oldest first; the page lists <see cref="OverdueShown"/> of them.</summary>
    public IReadOnlyList<MilestoneRow> Overdue { get; private set; } = [];

    /// <summary>How many overdue milestones "What's next" lists before "and K more" (which opens the whole list).</summary>
    public const int OverdueListed = 5;

    /// <summary>How many goals the timeline draws before "show all": twenty rows of bars are more than anyone reads at a glance.</summary>
    public const int TimelineGoalsDrawn = 5;

    /// <summary><c>?all=overdue</c> lists every overdue milestone; <c>?all=timeline</c> draws every goal on the timeline.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "all")]
    public string? ShowAll { get; set; }

    public IEnumerable<MilestoneRow> OverdueShown => ShowAll == "overdue" ? Overdue : Overdue.Take(OverdueListed);

    /// <summary>The active goals with a deadline: the timeline's goals before any are left out.</summary>
    public int TimelineGoals { get; private set; }

    /// <summary>
    /// Where "break goals into milestones" leads: the first active goal (soonest deadline) with no milestones, else
    /// a draft or paused one; null when every goal that can take milestones has some.
    /// </summary>
    public GoalLink? NeedsMilestones { get; private set; }

    public DateOnly Today { get; private set; }

    /// <summary>The timeline under the dashboard: the active goals that have a deadline, with their milestones.</summary>
    public TimelineView Timeline => new(Today, ActiveGoals
        .Where(g => g.Deadline is not null)
        .Take(ShowAll == "timeline" ? int.MaxValue : TimelineGoalsDrawn)
        .Select(g => new TimelineGoal(g.Statement, g.StartedOn, g.Deadline!.Value, g.Progress, g.Milestones.Select(m => new TimelineMilestone(m.Title, m.DueOn, m.Status)).ToList()))
        .ToList());

    /// <summary>Comments from a counsellor the person hasn't read yet, by record (only on the person's own dashboard).</summary>
    public IReadOnlyList<NewComments> Unread { get; private set; } = [];

    public int UnreadCount => Unread.Sum(u => u.Count);

    public async Task OnGetAsync()
    {
        if (!subject.IsResolved)
        {
            return;
        }

        var userId = subject.OwnerId;
        Today = clock.Today;
        var today = Today;
        // One statement for the schedule, the two counts and whether a counsellor has ever commented. Contacts are
        // third parties' details: private to the person in every sharing scope, like the new comments. How far the
        // reflection has got is part of the reflection: a plan-only counsellor doesn't learn it.
        var facts = await PersonFactsQuery.For(db)(db, userId, today, subject.IsSelf, subject.Shows(SharedArea.Reflection));
        // A counsellor only reads: the client's schedule is started by the client's own visit, never by theirs.
        Schedule = facts?.Schedule ?? (subject.CanChange ? await planning.ScheduleForAsync(userId, clock.Zone) : null);
        FollowUpsDue = facts?.FollowUpsDue ?? 0;
        ReflectionStepsDone = facts?.ReflectionStepsDone ?? 0;
        var goals = await GoalsQuery.For(db)(db, userId).ToListAsync();
        var milestones = await MilestonesQuery.For(db)(db, userId).ToListAsync();

        var byGoal = milestones.ToLookup(m => m.GoalId);
        var statements = goals.ToDictionary(g => g.Id, g => g.Statement);
        ActiveGoals = goals.Where(g => g.Status == GoalStatus.Active)
            .OrderBy(g => g.Deadline ?? DateOnly.MaxValue)
            .Select(g => new GoalRow(g.Id, g.Statement, g.StartedOn, g.Deadline,
                GoalProgress.Of(byGoal[g.Id].Select(m => m.Status)),
                byGoal[g.Id].Select(m => new MilestoneRow(m.GoalId, g.Statement, m.Title, m.DueOn, m.Status)).OrderBy(m => m.DueOn).ToList()))
            .ToList();
        TimelineGoals = ActiveGoals.Count(g => g.Deadline is not null);
        var activeIds = ActiveGoals.Select(g => g.Id).ToHashSet();
        var open = milestones.Where(m => activeIds.Contains(m.GoalId) && Milestone.IsOpen(m.Status))
            .Select(m => new MilestoneRow(m.GoalId, statements[m.GoalId], m.Title, m.DueOn, m.Status)).ToList();
        Overdue = open.Where(m => Milestone.IsOverdueOn(m.Status, m.DueOn, today)).OrderBy(m => m.DueOn).ToList();
        NextMilestones = open.Where(m => !Milestone.IsOverdueOn(m.Status, m.DueOn, today)).OrderBy(m => m.DueOn).Take(5).ToList();

        NeedsMilestones = goals
            .Where(g => g.Status is GoalStatus.Active or GoalStatus.Draft or GoalStatus.Paused && !byGoal[g.Id].Any())
            .OrderBy(g => g.Status == GoalStatus.Active ? 0 : g.Status == GoalStatus.Draft ? 1 : 2)
            .ThenBy(g => g.Deadline ?? DateOnly.MaxValue).ThenBy(g => g.Id)
            .Select(g => new GoalLink(g.Id, g.Statement))
            .FirstOrDefault();

        if (subject.IsSelf && facts?.CounsellorHasCommented == true)
        {
            await LoadUnreadAsync(userId, statements, milestones);
        }

        Journey = JourneyProgress.For(new JourneySnapshot(
            ReflectionStepsDone: ReflectionStepsDone,
            ReflectionStepsTotal: ReflectionSteps.Count,
            Goals: goals.Count(g => g.Status != GoalStatus.Retired),
            // An achieved goal can take no more milestones: it never holds the step open (it would be a dead end).
            GoalsWithMilestones: goals.Count(g => g.Status != GoalStatus.Retired && (byGoal[g.Id].Any() || g.Status == GoalStatus.Achieved)),
            ReviewsDone: Schedule?.ReviewsCompleted ?? 0))
            .Where(step => step.Stage != JourneyStage.Reflect || subject.Shows(SharedArea.Reflection))
            .ToList();
    }

    /// <summary>One query, run only for a person a counsellor has commented to: the threads with unread counsellor comments, newest first.</summary>
    private async Task LoadUnreadAsync(string userId, Dictionary<int, string> statements, List<MilestoneFacts> milestones)
    {
        var threads = await db.UnreadCounsellorThreads(userId).ToListAsync();
        if (threads.Count == 0)
        {
            return;
        }

        var goalOfMilestone = milestones.ToDictionary(m => m.Id, m => m.GoalId);
        Unread = threads.OrderByDescending(t => t.Newest).Select(t => t.Target switch
        {
            CommentTarget.Review => new NewComments(t.Count, "a review", $"/Reviews/{t.TargetId}#comments"),
            CommentTarget.Milestone when goalOfMilestone.TryGetValue(t.TargetId, out var goal) =>
                new NewComments(t.Count, $"a milestone of “{statements.GetValueOrDefault(goal)}”", $"/Goals/{goal}#milestone-{t.TargetId}"),
            CommentTarget.Goal when statements.TryGetValue(t.TargetId, out var statement) => new NewComments(t.Count, $"“{statement}”", $"/Goals/{t.TargetId}#comments"),
            _ => null,
        }).OfType<NewComments>().ToList();
    }

    // The dashboard's reads are compiled queries: every signed-in visit to / runs them.
    private static readonly CompiledQuery<Func<AppDbContext, string, DateOnly, bool, bool, Task<PersonFacts?>>> PersonFactsQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string owner, DateOnly today, bool self, bool reflection) =>
            (from person in db.Users
             where person.Id == owner
             from schedule in db.ReviewSchedules.Where(s => s.OwnerId == person.Id).DefaultIfEmpty()
             select new PersonFacts(
                 schedule,
                 self ? db.Contacts.Count(c => c.OwnerId == owner && c.NextFollowUpOn != null && c.NextFollowUpOn <= today) : 0,
                 reflection ? db.ReflectionSteps.Count(s => s.OwnerId == owner && s.CompletedAtUtc != null) : 0,
                 self && db.Comments.Any(c => c.OwnerId == owner && c.AuthorRole == CommentAuthorRole.Counsellor && c.DeletedAtUtc == null)))
            .AsNoTracking()
            .FirstOrDefault()));

    private static readonly CompiledQuery<Func<AppDbContext, string, IAsyncEnumerable<GoalFacts>>> GoalsQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string owner) => db.Goals.AsNoTracking().Where(g => g.OwnerId == owner)
            .Select(g => new GoalFacts(g.Id, g.Statement, g.Status, g.StartedOn, g.Deadline))));

    private static readonly CompiledQuery<Func<AppDbContext, string, IAsyncEnumerable<MilestoneFacts>>> MilestonesQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, string owner) => db.Milestones.AsNoTracking().Where(m => m.OwnerId == owner)
            .Select(m => new MilestoneFacts(m.Id, m.GoalId, m.Title, m.DueOn, m.Status))));

    /// <summary>
    /// The person's review schedule (null if they have none yet), the dashboard's two counts, and whether a counsellor
    /// has written them a comment that is still there (most people have none, and then "new comments" needs no query).
    /// </summary>
    private sealed record PersonFacts(ReviewSchedule? Schedule, int FollowUpsDue, int ReflectionStepsDone, bool CounsellorHasCommented);

    private sealed record GoalFacts(int Id, string Statement, GoalStatus Status, DateOnly StartedOn, DateOnly? Deadline);

    private sealed record MilestoneFacts(int Id, int GoalId, string Title, DateOnly DueOn, MilestoneStatus Status);

    public sealed record GoalLink(int Id, string Statement);

    public sealed record NewComments(int Count, string On, string Link);

    public sealed record GoalRow(int Id, string Statement, DateOnly StartedOn, DateOnly? Deadline, GoalProgress Progress, IReadOnlyList<MilestoneRow> Milestones);

    public sealed record MilestoneRow(int GoalId, string Goal, string Title, DateOnly DueOn, MilestoneStatus Status);
}
