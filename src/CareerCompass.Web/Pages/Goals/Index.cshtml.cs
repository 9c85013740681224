using CareerCompass.Domain.Goals;
using CareerCompass.Web.Data;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Goals;

/// <summary>The person's goals by status, each with its progress — two queries however many goals there are.</summary>
[SharedPage(SharedArea.Goals, "Goals")]
public sealed class Index(AppDbContext db, Subject subject) : PageModel
{
    public IReadOnlyList<Row> Goals { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = subject.OwnerId;
        var goals = await db.Goals.AsNoTracking().Where(g => g.OwnerId == userId)
            .Select(g => new { g.Id, g.Statement, g.Status, g.Horizon, g.Deadline }).ToListAsync();
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.OwnerId == userId)
            .Select(m => new { m.GoalId, m.Status }).ToListAsync();
        var byGoal = milestones.ToLookup(m => m.GoalId, m => m.Status);
        Goals = goals
            .OrderBy(g => g.Status).ThenBy(g => g.Deadline ?? DateOnly.MaxValue)
            .Select(g => new Row(g.Id, g.Statement, g.Status, g.Horizon, g.Deadline, GoalProgress.Of(byGoal[g.Id])))
            .ToList();
    }

    public sealed record Row(int Id, string Statement, GoalStatus Status, GoalHorizon Horizon, DateOnly? Deadline, GoalProgress Progress);
}
