using CareerCompass.Domain.Goals;
using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Goals;

/// <summary>
/// Loading a goal as an aggregate: after the goal itself (and its authorization), one query per list, each only
/// for rows of the goal's owner, so a row that points at the goal but belongs to someone else is never part of it.
/// The goal is tracked, so the rows join its lists as they load (EF's filtered Include can't compare with the goal's
/// own owner column).
/// </summary>
public static class GoalLoading
{
    public static async Task LoadMilestonesAsync(this AppDbContext db, Goal goal)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(goal);
        await db.Milestones.Where(m => m.GoalId == goal.Id && m.OwnerId == goal.OwnerId).LoadAsync();
    }

    public static async Task LoadPlanAsync(this AppDbContext db, Goal goal)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(goal);
        await db.PlanItems.Where(p => p.GoalId == goal.Id && p.OwnerId == goal.OwnerId).LoadAsync();
    }

    public static async Task LoadHistoryAsync(this AppDbContext db, Goal goal)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(goal);
        await db.GoalRevisions.Where(r => r.GoalId == goal.Id && r.OwnerId == goal.OwnerId).OrderBy(r => r.Id).LoadAsync();
    }
}
