using System.Text.Json;
using System.Text.Json.Serialization;
using CareerCompass.Domain.Common;

namespace CareerCompass.Domain.Reflection;

/// <summary>
/// One person's answers to one reflection step, saved as they go. Each step has its own version, so two tabs on
/// different steps never get in each other's way, while two saves of the same step from stale copies are refused.
/// </summary>
public sealed class ReflectionStep : OwnedEntity
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private ReflectionStep(string ownerId, ReflectionStepKind kind, string answers)
        : base(ownerId)
    {
        Kind = kind;
        Answers = answers;
    }

    public ReflectionStepKind Kind { get; private set; }

    /// <summary>The step's answers as a JSON document (see <see cref="IStepAnswers"/> implementations).</summary>
    public string Answers { get; private set; }

    /// <summary>Set the first time the person chooses "Save and continue"; autosave alone never completes a step.</summary>
    public DateTime? CompletedAtUtc { get; private set; }

    public bool IsCompleted => CompletedAtUtc is not null;

    public static ReflectionStep Start(string ownerId, ReflectionStepKind kind) => new(ownerId, kind, "{}");

    public static Type AnswersTypeOf(ReflectionStepKind kind) => kind switch
    {
        ReflectionStepKind.Interests => typeof(InterestsAnswers),
        ReflectionStepKind.Values => typeof(ValuesAnswers),
        ReflectionStepKind.Strengths => typeof(StrengthsAnswers),
        ReflectionStepKind.Experiences => typeof(ExperiencesAnswers),
        ReflectionStepKind.Priorities => typeof(PrioritiesAnswers),
        ReflectionStepKind.Vision => typeof(VisionAnswers),
        ReflectionStepKind.Options => typeof(OptionsAnswers),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public T Read<T>()
        where T : IStepAnswers, new()
    {
        EnsureMatches(typeof(T));
        return JsonSerializer.Deserialize<T>(Answers, Json) ?? new T();
    }

    /// <summary>Saves normalized answers; <paramref name="complete"/> marks the step done (it stays done).</summary>
    public T Save<T>(T answers, bool complete, DateTimeOffset now)
        where T : IStepAnswers
    {
        ArgumentNullException.ThrowIfNull(answers);
        EnsureMatches(typeof(T));
        var normalized = (T)answers.Normalized();
        Answers = JsonSerializer.Serialize(normalized, Json);
        if (complete && CompletedAtUtc is null)
        {
            CompletedAtUtc = now.UtcDateTime;
        }

        return normalized;
    }

    private void EnsureMatches(Type type)
    {
        if (AnswersTypeOf(Kind) != type)
        {
            throw new InvalidOperationException($"Step {Kind} holds {AnswersTypeOf(Kind).Name}, not {type.Name}.");
        }
    }
}
