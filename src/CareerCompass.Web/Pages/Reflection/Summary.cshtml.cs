using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>The whole reflection at a glance, from one query; printable.</summary>
public sealed class Summary(ReflectionStore store) : PageModel
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
        var steps = (await store.AllAsync(User.RequireUserId())).ToDictionary(s => s.Kind);
        T Read<T>(ReflectionStepKind kind)
            where T : IStepAnswers, new() => steps.TryGetValue(kind, out var step) ? step.Read<T>() : new T();

        Interests = Read<InterestsAnswers>(ReflectionStepKind.Interests);
        Values = Read<ValuesAnswers>(ReflectionStepKind.Values);
        Strengths = Read<StrengthsAnswers>(ReflectionStepKind.Strengths);
        Experiences = Read<ExperiencesAnswers>(ReflectionStepKind.Experiences);
        Priorities = Read<PrioritiesAnswers>(ReflectionStepKind.Priorities);
        Vision = Read<VisionAnswers>(ReflectionStepKind.Vision);
        Options = Read<OptionsAnswers>(ReflectionStepKind.Options);
        Completed = steps.Values.Where(s => s.IsCompleted).Select(s => s.Kind).ToHashSet();
    }
}
