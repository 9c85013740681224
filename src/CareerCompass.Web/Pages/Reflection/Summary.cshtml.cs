using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>The whole reflection at a glance, from one query; printable.</summary>
[SharedPage(SharedArea.Reflection, "Reflection/Summary")]
public sealed class Summary(ReflectionStore store, Subject subject) : PageModel
{
    public InterestsAnswers Interests { get; private set; } = new();

    public ValuesAnswers Values { get; private set; } = new();

    public StrengthsAnswers Strengths { get; private set; } = new();

    public ExperiencesAnswers Experiences { get; private set; } = new();

    public PrioritiesAnswers Priorities { get; private set; } = new();

    public VisionAnswers Vision { get; private set; } = new();

    public OptionsAnswers Options { get; private set; } = new();

    public IReadOnlySet<ReflectionStepKind> Completed { get; private set; } = new HashSet<ReflectionStepKind>();

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
    }
}
