using CareerCompass.Domain.Goals;
using CareerCompass.Web.Data;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Goals;

/// <summary>
/// The person's goals by status, each with its progress — two queries however many goals there are. Achieved goals
/// keep a section of their own, most recent first, so what someone has done stays in sight.
/// </summary>
[SharedPage(SharedArea.Goals, "Goals")]
public sealed class Index(AppDbContext db, Subject subject) : PageModel
{
    public IReadOnlyList<Row> Goals { get; private set; } = [];

    /// <summary>Every goal not yet achieved (drafts, active, paused, retired), as the list has always shown them.</summary>
    public IEnumerable<Row> Open => Goals.Where(g => g.Status != GoalStatus.Achieved);

    public IEnumerable<Row> Achieved => Goals.Where(g => g.Status == GoalStatus.Achieved)
        .OrderByDescending(g => g.AchievedOn ?? DateOnly.MinValue);

    public async Task OnGetAsync()
    {
        var userId = subject.OwnerId;
        var goals = await db.Goals.AsNoTracking().Where(g => g.OwnerId == userId)
            .Select(g => new { g.Id, g.Statement, g.Status, g.Horizon, g.Deadline, g.AchievedOn }).ToListAsync();
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.OwnerId == userId)
            .Select(m => new { m.GoalId, m.Status }).ToListAsync();
        var byGoal = milestones.ToLookup(m => m.GoalId, m => m.Status);
        Goals = goals
            .OrderBy(g => g.Status).ThenBy(g => g.Deadline ?? DateOnly.MaxValue)
            .Select(g => new Row(g.Id, g.Statement, g.Status, g.Horizon, g.Deadline, g.AchievedOn, GoalProgress.Of(byGoal[g.Id])))
            .ToList();
    }

    public sealed record Row(int Id, string Statement, GoalStatus Status, GoalHorizon Horizon, DateOnly? Deadline, DateOnly? AchievedOn, GoalProgress Progress);
}
