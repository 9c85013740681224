using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Sharing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>
/// The whole reflection at a glance, from one query (two for the person themselves: whether they have goals yet);
/// printable. It always offers the person one next thing to do: the next unfinished step, or their goals.
/// </summary>
[SharedPage(SharedArea.Reflection, "Reflection/Summary")]
public sealed class Summary(ReflectionStore store, Subject subject, AppDbContext db) : PageModel
{
    public InterestsAnswers Interests { get; private set; } = new();

    public ValuesAnswers Values { get; private set; } = new();

    public StrengthsAnswers Strengths { get; private set; } = new();

    public ExperiencesAnswers Experiences { get; private set; } = new();

    public PrioritiesAnswers Priorities { get; private set; } = new();

    public VisionAnswers Vision { get; private set; } = new();

    public OptionsAnswers Options { get; private set; } = new();

    public IReadOnlySet<ReflectionStepKind> Completed { get; private set; } = new HashSet<ReflectionStepKind>();

    /// <summary>The first step not yet done, or null when the reflection is complete.</summary>
    public ReflectionStepInfo? NextStep => ReflectionSteps.ResumeAt(Completed);

    /// <summary>Whether the person has written any goal yet (only asked on their own summary).</summary>
    public bool HasGoals { get; private set; }

    public async Task OnGetAsync()
    {
        var reflection = await store.SnapshotAsync(subject.OwnerId);
        Interests = reflection.Answers<InterestsAnswers>(ReflectionStepKind.Interests);
        Values = reflection.Answers<ValuesAnswers>(ReflectionStepKind.Values);
        Strengths = reflection.Answers<StrengthsAnswers>(ReflectionStepKind.Strengths);
        Experiences = reflection.Answers<ExperiencesAnswers>(ReflectionStepKind.Experiences);
        Priorities = reflection.Answers<PrioritiesAnswers>(ReflectionStepKind.Priorities);
        Vision = reflection.Answers<VisionAnswers>(ReflectionStepKind.Vision);
        Options = reflection.Answers<OptionsAnswers>(ReflectionStepKind.Options);
        Completed = reflection.Completed;
        if (subject.CanChange && NextStep is null)
        {
            var ownerId = subject.OwnerId;
            HasGoals = await db.Goals.AnyAsync(g => g.OwnerId == ownerId);
        }
    }
}
