using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Occupations;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

/// <summary>
/// One occupation: what the work is (description, top tasks), education, pay and outlook, related occupations, interest
/// profile, preparation, top skills and work values — and "What it takes": the top skills against the person's own
/// strengths (step 3), with a goal drafted for the biggest gap. Always the signed-in person's own page (not a shared page).
/// </summary>
public sealed class Details(OccupationCatalog catalog, OccupationProfiles profiles, ReflectionStore store, AppDbContext db, PersonClock clock, Subject subject) : PageModel
{
    public const string DraftedMessage = "We drafted this goal from your biggest gap. Change anything you like — the coach below says what it thinks.";

    /// <summary>The search the person came from, kept for the way back.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "zone")]
    public int? JobZone { get; set; }

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    public OccupationDetails Occupation { get; private set; } = null!;

    public bool IsAdded { get; private set; }

    /// <summary>Tasks, education, related occupations, pay and outlook (from memory; null only if the import hasn't run).</summary>
    public OccupationProfiles.Profile? Profile { get; private set; }

    /// <summary>Whether the person has written any strengths or areas to develop in step 3.</summary>
    public bool HasStrengths { get; private set; }

    /// <summary>The top skills against the person's strengths.</summary>
    public SkillGapReport Gap { get; private set; } = null!;

    /// <summary>New for every page shown; the drafted goal stores it, so the button pressed twice makes one goal.</summary>
    public Guid DraftKey { get; } = Guid.NewGuid();

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await catalog.FindAsync(code) is not { } occupation)
        {
            return NotFound();
        }

        Occupation = occupation;
        Profile = await profiles.FindAsync(code);
        var reflection = await store.SnapshotAsync(subject.OwnerId);
        IsAdded = Option(reflection, code) is not null;
        var strengths = reflection.Answers<StrengthsAnswers>(ReflectionStepKind.Strengths);
        HasStrengths = Named(strengths);
        Gap = SkillGap.Compare(occupation.TopSkills, strengths);
        return Page();
    }

    /// <summary>Drafts a goal (with milestones) for the biggest gap and opens it; the same button sent twice opens the one goal.</summary>
    public async Task<IActionResult> OnPostDraftGoalAsync(string code, Guid draftKey)
    {
        if (!subject.IsSelf || !subject.CanChange || await catalog.FindAsync(code) is not { } occupation)
        {
            return NotFound();
        }

        var owner = subject.OwnerId;
        if (await db.Goals.CreatedWithAsync(owner, draftKey) is { } already)
        {
            StatusMessage = DraftedMessage;
            return RedirectToPage("/Goals/Details", new { id = already });
        }

        var reflection = await store.SnapshotAsync(owner);
        var strengths = reflection.Answers<StrengthsAnswers>(ReflectionStepKind.Strengths);
        if (!Named(strengths))
        {
            StatusMessage = "Add a few of your strengths in step 3 first, so the goal can start from what you already have.";
            return RedirectToPage(new { code, q = Query, zone = JobZone });
        }

        var gap = SkillGap.Compare(occupation.TopSkills, strengths).BiggestGap;
        if (gap is null)
        {
            StatusMessage = "Your strengths already cover this work's top skills, so there's no gap to plan for here. You can always write a goal of your own.";
            return RedirectToPage(new { code, q = Query, zone = JobZone });
        }

        ReflectionLink[] links = Option(reflection, code) is { } option ? [new(ReflectionStepKind.Options, option.Id.ToString())] : [];
        Goal? goal = null;
        var result = await db.ApplyAndSaveAsync(ModelState, string.Empty, string.Empty, () =>
        {
            goal = SkillGap.Draft(gap, occupation.Occupation.Title, clock.Today, links).ToGoal(owner, clock.Today);
            db.Goals.Add(goal);
            db.SetIdempotencyKey(goal, draftKey);
        });
        if (result != SaveResult.Saved || goal is null)
        {
            // Sent twice at once: the other request saved it first.
            if (await db.Goals.CreatedWithAsync(owner, draftKey) is { } same)
            {
                StatusMessage = DraftedMessage;
                return RedirectToPage("/Goals/Details", new { id = same });
            }

            StatusMessage = "Sorry — we couldn't draft that goal just now. Please try again in a moment.";
            return RedirectToPage(new { code, q = Query, zone = JobZone });
        }

        StatusMessage = DraftedMessage;
        return RedirectToPage("/Goals/Details", new { id = goal.Id });
    }

    private static bool Named(StrengthsAnswers strengths) =>
        strengths.Skills.Any(s => !string.IsNullOrWhiteSpace(s.Name)) || strengths.Development.Any(d => !string.IsNullOrWhiteSpace(d.Name));

    private static CareerOption? Option(ReflectionSnapshot reflection, string code) =>
        reflection.Answers<OptionsAnswers>(ReflectionStepKind.Options).Options.FirstOrDefault(o => o.OccupationCode == code);
}
