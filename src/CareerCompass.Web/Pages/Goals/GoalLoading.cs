using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Goals;

/// <summary>
/// Loading a goal as an aggregate: after the goal itself (and its authorization), one query per list, each only
/// for rows of the goal's owner, so a row that points at the goal but belongs to someone else is never part of it.
/// The goal is tracked, so the rows join its lists as they load (EF's filtered Include can't compare with the goal's
/// own owner column). The goal page runs these on every view, so they are compiled queries.
/// </summary>
public static class GoalLoading
{
    private static readonly CompiledQuery<Func<AppDbContext, int, string, Task<Goal?>>> GoalQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int id, string owner) => db.Goals.FirstOrDefault(g => g.Id == id && g.OwnerId == owner)));

    private static readonly CompiledQuery<Func<AppDbContext, int, string, IAsyncEnumerable<Milestone>>> MilestonesQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int goal, string owner) => db.Milestones.Where(m => m.GoalId == goal && m.OwnerId == owner)));

    private static readonly CompiledQuery<Func<AppDbContext, int, string, IAsyncEnumerable<PlanItem>>> PlanQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int goal, string owner) => db.PlanItems.Where(p => p.GoalId == goal && p.OwnerId == owner)));

    private static readonly CompiledQuery<Func<AppDbContext, int, string, IAsyncEnumerable<GoalRevision>>> HistoryQuery = new(() =>
        EF.CompileAsyncQuery<AppDbContext, int, string, GoalRevision>((db, goal, owner) => db.GoalRevisions.Where(r => r.GoalId == goal && r.OwnerId == owner).OrderBy(r => r.Id)));

    private static readonly CompiledQuery<Func<AppDbContext, int, string, Task<GoalToShow?>>> GoalToShowQuery = new(() =>
        EF.CompileAsyncQuery((AppDbContext db, int id, string owner) => db.Goals.Where(g => g.Id == id && g.OwnerId == owner)
            .Select(g => new GoalToShow(
                g,
                db.GoalRevisions.Any(r => r.GoalId == g.Id && r.OwnerId == owner),
                db.Comments.Any(c => c.OwnerId == owner && ((c.Target == CommentTarget.Goal && c.TargetId == g.Id)
                    || (c.Target == CommentTarget.Milestone && db.Milestones.Any(m => m.Id == c.TargetId && m.GoalId == g.Id && m.OwnerId == owner))))))
            .FirstOrDefault()));

    /// <summary>The goal <paramref name="id"/> if <paramref name="ownerId"/> owns it (tracked), else null.</summary>
    public static Task<Goal?> FindGoalAsync(this AppDbContext db, int id, string ownerId) => GoalQuery.For(db)(db, id, ownerId);

    /// <summary>
    /// As <see cref="FindGoalAsync"/>, in the same statement saying whether the goal has a history and whether anyone has
    /// commented on it or its milestones, so that a page showing it reads neither when there is none.
    /// </summary>
    public static Task<GoalToShow?> FindGoalToShowAsync(this AppDbContext db, int id, string ownerId) => GoalToShowQuery.For(db)(db, id, ownerId);

    public static async Task LoadMilestonesAsync(this AppDbContext db, Goal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        await TrackAllAsync(MilestonesQuery.For(db)(db, goal.Id, goal.OwnerId));
    }

    public static async Task LoadPlanAsync(this AppDbContext db, Goal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        await TrackAllAsync(PlanQuery.For(db)(db, goal.Id, goal.OwnerId));
    }

    public static async Task LoadHistoryAsync(this AppDbContext db, Goal goal)
    {
        ArgumentNullException.ThrowIfNull(goal);
        await TrackAllAsync(HistoryQuery.For(db)(db, goal.Id, goal.OwnerId));
    }

    /// <summary>Reads every row (tracked, so each joins the goal's list), as <c>LoadAsync</c> does.</summary>
    private static async Task TrackAllAsync<T>(IAsyncEnumerable<T> rows)
    {
        await foreach (var _ in rows)
        {
        }
    }
}

/// <summary>A goal to show, whether it has a history, and whether anyone has commented on it or its milestones.</summary>
public sealed record GoalToShow(Goal Goal, bool HasHistory, bool HasComments);
