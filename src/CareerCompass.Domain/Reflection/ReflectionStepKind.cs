namespace CareerCompass.Domain.Reflection;

/// <summary>The seven reflection steps, in the order a person walks them.</summary>
public enum ReflectionStepKind
{
    Interests = 1,
    Values = 2,
    Strengths = 3,
    Experiences = 4,
    Priorities = 5,
    Vision = 6,
    Options = 7,
}

public sealed record ReflectionStepInfo(ReflectionStepKind Kind, int Number, string Title, string Page);

public static class ReflectionSteps
{
    public static readonly IReadOnlyList<ReflectionStepInfo> All =
    [
        new(ReflectionStepKind.Interests, 1, "Interests and passions", "Interests"),
        new(ReflectionStepKind.Values, 2, "What matters to you at work", "Values"),
        new(ReflectionStepKind.Strengths, 3, "Strengths and skills", "Strengths"),
        new(ReflectionStepKind.Experiences, 4, "Experiences", "Experiences"),
        new(ReflectionStepKind.Priorities, 5, "Priorities and constraints", "Priorities"),
        new(ReflectionStepKind.Vision, 6, "Your long-term vision", "Vision"),
        new(ReflectionStepKind.Options, 7, "Career options", "Options"),
    ];

    public static int Count => All.Count;

    public static ReflectionStepInfo Of(ReflectionStepKind kind) => All.Single(s => s.Kind == kind);

    /// <summary>Where to pick up: the first step not yet completed, or null when every step is done (show the summary).</summary>
    public static ReflectionStepInfo? ResumeAt(IEnumerable<ReflectionStepKind> completed)
    {
        var done = completed.ToHashSet();
        return All.FirstOrDefault(s => !done.Contains(s.Kind));
    }

    public static ReflectionStepInfo? After(ReflectionStepKind kind) => All.FirstOrDefault(s => s.Number == Of(kind).Number + 1);

    public static ReflectionStepInfo? Before(ReflectionStepKind kind) => All.FirstOrDefault(s => s.Number == Of(kind).Number - 1);
}
