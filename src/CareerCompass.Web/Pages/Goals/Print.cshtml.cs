using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Pages.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Goals;

/// <summary>
/// The plan on paper: the reflection in brief, then each active or draft goal with its milestones and action plan,
/// one goal to a page. The person's own only (not a shared page); the browser's print dialog saves it as a PDF.
/// Milestone dates are days on the person's own calendar, as they chose them.
/// </summary>
public sealed class Print(AppDbContext db, ReflectionStore store, Subject subject) : PageModel
{
    public ValuesAnswers Values { get; private set; } = new();

    public InterestsAnswers Interests { get; private set; } = new();

    public StrengthsAnswers Strengths { get; private set; } = new();

    public VisionAnswers Vision { get; private set; } = new();

    public PrioritiesAnswers Priorities { get; private set; } = new();

    public OptionsAnswers Options { get; private set; } = new();

    public int StepsDone { get; private set; }

    public IReadOnlyList<PrintedGoal> Goals { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var me = subject.OwnerId;
        var reflection = await store.SnapshotAsync(me);
        Values = reflection.Answers<ValuesAnswers>(ReflectionStepKind.Values);
        Interests = reflection.Answers<InterestsAnswers>(ReflectionStepKind.Interests);
        Strengths = reflection.Answers<StrengthsAnswers>(ReflectionStepKind.Strengths);
        Vision = reflection.Answers<VisionAnswers>(ReflectionStepKind.Vision);
        Priorities = reflection.Answers<PrioritiesAnswers>(ReflectionStepKind.Priorities);
        Options = reflection.Answers<OptionsAnswers>(ReflectionStepKind.Options);
        StepsDone = reflection.Completed.Count;

        var goals = await db.Goals.AsNoTracking().Where(g => g.OwnerId == me && (g.Status == GoalStatus.Active || g.Status == GoalStatus.Draft))
            .ToListAsync();
        var milestones = (await db.Milestones.AsNoTracking().Where(m => m.OwnerId == me).ToListAsync()).ToLookup(m => m.GoalId);
        var plan = (await db.PlanItems.AsNoTracking().Where(p => p.OwnerId == me).ToListAsync()).ToLookup(p => p.GoalId);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.OwnerId == me).ToDictionaryAsync(c => c.Id, c => c.Name);
        Goals = goals.OrderBy(g => g.Status == GoalStatus.Active ? 0 : 1).ThenBy(g => g.Deadline ?? DateOnly.MaxValue).ThenBy(g => g.Id)
            .Select(g => new PrintedGoal(
                g,
                milestones[g.Id].OrderBy(m => m.Order).ThenBy(m => m.DueOn).ToList(),
                plan[g.Id].OrderBy(p => p.Kind).ThenBy(p => p.Id)
                    .Select(p => new PrintedPlanItem(p.Kind, p.Text, p.Detail, p.ContactId is { } c && contacts.TryGetValue(c, out var name) ? name : null))
                    .ToList()))
            .ToList();
    }

    public sealed record PrintedGoal(Goal Goal, IReadOnlyList<Milestone> Milestones, IReadOnlyList<PrintedPlanItem> Plan);

    public sealed record PrintedPlanItem(PlanItemKind Kind, string Text, string? Detail, string? Contact);
}
