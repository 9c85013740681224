using CareerCompass.Domain.Common;
using CareerCompass.Domain.Occupations;

namespace CareerCompass.Domain.Reflection;

/// <summary>
/// What a person wrote for one reflection step. Each step's answers are kept as one document; every list item has
/// a stable id so that goals can link to the value, interest or vision item they serve.
/// </summary>
public interface IStepAnswers
{
    /// <summary>Trims text, drops rows left empty and gives new rows an id. Returns a copy; the original is unchanged.</summary>
    IStepAnswers Normalized();
}

internal static class Ids
{
    /// <summary>A new row's id; an existing row keeps its own, so links to it survive edits.</summary>
    public static Guid IdOr(Guid id) => id == Guid.Empty ? Guid.NewGuid() : id;
}

// 1. Interests and passions ------------------------------------------------------------------------------------

public sealed record InterestItem
{
    public Guid Id { get; init; }

    public string? Text { get; init; }

    /// <summary>How much it energizes them, 1–5.</summary>
    public int? Energy { get; init; }
}

public sealed record ActivityRating
{
    public string ActivityId { get; init; } = string.Empty;

    /// <summary>1 (not for me) to 5 (love it); null when skipped.</summary>
    public int? Rating { get; init; }
}

public sealed record InterestsAnswers : IStepAnswers
{
    public string? Energizers { get; init; }

    public List<InterestItem> Items { get; init; } = [];

    public List<ActivityRating> Explorer { get; init; } = [];

    public InterestProfile Profile() =>
        Riasec.ProfileFrom(Explorer.Where(r => r.Rating is not null).GroupBy(r => r.ActivityId).ToDictionary(g => g.Key, g => g.Last().Rating!.Value));

    public IStepAnswers Normalized() => this with
    {
        Energizers = Strings.Tidy(Energizers),
        Items = Items.Where(i => Strings.Tidy(i.Text) is not null).Select(i => i with { Id = Ids.IdOr(i.Id), Text = Strings.Tidy(i.Text) }).ToList(),
        Explorer = Explorer.Where(r => r.Rating is not null).ToList(),
    };
}

// 2. Values ------------------------------------------------------------------------------------------------------

public sealed record ChosenValue
{
    public Guid Id { get; init; }

    /// <summary>A key from <see cref="WorkValues.Catalogue"/>, or null for a value of their own.</summary>
    public string? Key { get; init; }

    /// <summary>Their own value's name (only when <see cref="Key"/> is null).</summary>
    public string? Custom { get; init; }

    public string DisplayName => WorkValues.Find(Key)?.Name ?? Custom ?? string.Empty;
}

/// <summary>The values a person chose, most important first: the first five are their top five.</summary>
public sealed record ValuesAnswers : IStepAnswers
{
    public List<ChosenValue> Chosen { get; init; } = [];

    public IReadOnlyList<ChosenValue> TopFive => Chosen.Take(ReflectionLimits.TopValues).ToList();

    public IStepAnswers Normalized() => this with
    {
        Chosen = Chosen
            .Where(v => v.Key is not null || Strings.Tidy(v.Custom) is not null)
            .Select(v => v with { Id = Ids.IdOr(v.Id), Custom = v.Key is null ? Strings.Tidy(v.Custom) : null })
            .DistinctBy(v => v.Key ?? "custom:" + v.Custom!.ToUpperInvariant())
            .ToList(),
    };

    /// <summary>Moves a value one place up (towards most important) or down; at either end nothing changes.</summary>
    public ValuesAnswers Move(Guid id, int direction)
    {
        var list = Chosen.ToList();
        var index = list.FindIndex(v => v.Id == id);
        var target = index + Math.Sign(direction);
        if (index < 0 || target < 0 || target >= list.Count)
        {
            return this;
        }

        (list[index], list[target]) = (list[target], list[index]);
        return this with { Chosen = list };
    }
}

// 3. Strengths and skills ----------------------------------------------------------------------------------------

public enum SkillKind
{
    Technical,
    Soft,
    Interpersonal,
}

public enum DevelopmentApproach
{
    Improve,
    WorkAround,
}

public enum FeedbackSource
{
    Peer,
    Mentor,
    Supervisor,
    Other,
}

public sealed record SkillItem
{
    public Guid Id { get; init; }

    public string? Name { get; init; }

    public SkillKind Kind { get; init; }

    public int? Rating { get; init; }

    public string? Evidence { get; init; }
}

public sealed record DevelopmentArea
{
    public Guid Id { get; init; }

    public string? Name { get; init; }

    public DevelopmentApproach Approach { get; init; }
}

public sealed record FeedbackItem
{
    public Guid Id { get; init; }

    public FeedbackSource From { get; init; }

    public string? Said { get; init; }
}

public sealed record StrengthsAnswers : IStepAnswers
{
    public List<SkillItem> Skills { get; init; } = [];

    public List<DevelopmentArea> Development { get; init; } = [];

    public List<FeedbackItem> Feedback { get; init; } = [];

    public IStepAnswers Normalized() => this with
    {
        Skills = Skills.Where(s => Strings.Tidy(s.Name) is not null)
            .Select(s => s with { Id = Ids.IdOr(s.Id), Name = Strings.Tidy(s.Name), Evidence = Strings.Tidy(s.Evidence) }).ToList(),
        Development = Development.Where(d => Strings.Tidy(d.Name) is not null)
            .Select(d => d with { Id = Ids.IdOr(d.Id), Name = Strings.Tidy(d.Name) }).ToList(),
        Feedback = Feedback.Where(f => Strings.Tidy(f.Said) is not null)
            .Select(f => f with { Id = Ids.IdOr(f.Id), Said = Strings.Tidy(f.Said) }).ToList(),
    };
}

// 4. Experiences -------------------------------------------------------------------------------------------------

public enum ExperienceFeeling
{
    Energizing,
    Draining,
}

public enum ExperienceTag
{
    People,
    Tasks,
    Impact,
    Pace,
    Environment,
}

public sealed record ExperienceItem
{
    public Guid Id { get; init; }

    public string? Title { get; init; }

    public ExperienceFeeling Feeling { get; init; }

    public List<ExperienceTag> Tags { get; init; } = [];

    public string? Why { get; init; }
}

public sealed record ExperiencesAnswers : IStepAnswers
{
    public List<ExperienceItem> Items { get; init; } = [];

    public IStepAnswers Normalized() => this with
    {
        Items = Items.Where(e => Strings.Tidy(e.Title) is not null)
            .Select(e => e with { Id = Ids.IdOr(e.Id), Title = Strings.Tidy(e.Title), Why = Strings.Tidy(e.Why), Tags = e.Tags.Distinct().ToList() }).ToList(),
    };
}

// 5. Priorities and constraints ----------------------------------------------------------------------------------

public enum PriorityCategory
{
    Family,
    Finances,
    Location,
    WorkLifeBalance,
    Health,
    Other,
}

public sealed record NonNegotiable
{
    public Guid Id { get; init; }

    public PriorityCategory Category { get; init; }

    public string? Note { get; init; }
}

public sealed record PrioritiesAnswers : IStepAnswers
{
    public List<NonNegotiable> NonNegotiables { get; init; } = [];

    public int? HoursPerWeek { get; init; }

    public IStepAnswers Normalized() => this with
    {
        NonNegotiables = NonNegotiables.Where(n => Strings.Tidy(n.Note) is not null || n.Category != PriorityCategory.Other)
            .Select(n => n with { Id = Ids.IdOr(n.Id), Note = Strings.Tidy(n.Note) }).DistinctBy(n => (n.Category, n.Note)).ToList(),
    };
}

// 6. Long-term vision ----------------------------------------------------------------------------------------------

public enum VisionItemKind
{
    OneYear,
    ThreeYears,
    FiveYearsPlus,
    Impact,
    WhatFromWork,
    Why,
}

/// <summary>Each vision answer is an item of its own (its id is its kind), so a goal can say which part of the vision it serves.</summary>
public sealed record VisionAnswers : IStepAnswers
{
    public string? OneYear { get; init; }

    public string? ThreeYears { get; init; }

    public string? FiveYearsPlus { get; init; }

    public string? Impact { get; init; }

    public string? WhatFromWork { get; init; }

    public string? Why { get; init; }

    public IReadOnlyList<(VisionItemKind Kind, string Text)> Items =>
        new (VisionItemKind, string?)[]
        {
            (VisionItemKind.OneYear, OneYear), (VisionItemKind.ThreeYears, ThreeYears), (VisionItemKind.FiveYearsPlus, FiveYearsPlus),
            (VisionItemKind.Impact, Impact), (VisionItemKind.WhatFromWork, WhatFromWork), (VisionItemKind.Why, Why),
        }.Where(i => i.Item2 is not null).Select(i => (i.Item1, i.Item2!)).ToList();

    public IStepAnswers Normalized() => this with
    {
        OneYear = Strings.Tidy(OneYear),
        ThreeYears = Strings.Tidy(ThreeYears),
        FiveYearsPlus = Strings.Tidy(FiveYearsPlus),
        Impact = Strings.Tidy(Impact),
        WhatFromWork = Strings.Tidy(WhatFromWork),
        Why = Strings.Tidy(Why),
    };
}

// 7. Career options --------------------------------------------------------------------------------------------------

public enum ResearchKind
{
    InformationalInterview,
    Event,
    Course,
    JobShadowing,
}

public enum ResearchStatus
{
    Planned,
    InProgress,
    Done,
}

public sealed record ResearchAction
{
    public Guid Id { get; init; }

    public ResearchKind Kind { get; init; }

    public string? Description { get; init; }

    public ResearchStatus Status { get; init; }
}

public sealed record CareerOption
{
    public Guid Id { get; init; }

    public string? Title { get; init; }

    /// <summary>The O*NET-SOC code when the option came from the occupation explorer.</summary>
    public string? OccupationCode { get; init; }

    public string? FitNote { get; init; }

    public List<ResearchAction> Research { get; init; } = [];
}

public sealed record DismissedSuggestion
{
    public string OccupationCode { get; init; } = string.Empty;

    public string? Reason { get; init; }
}

public sealed record OptionsAnswers : IStepAnswers
{
    public List<CareerOption> Options { get; init; } = [];

    public List<DismissedSuggestion> Dismissed { get; init; } = [];

    /// <summary>How much more training or study they'd take on, asked on the explore page (for suggestions).</summary>
    public PreparationWilling MoreStudy { get; init; }

    /// <summary>The preparation they have now, asked with <see cref="MoreStudy"/>.</summary>
    public PreparationHave StudyNow { get; init; }

    /// <summary>The highest job zone their answers reach; null when they're not sure (no limit).</summary>
    public int? HighestJobZone => Preparation.HighestZone(StudyNow, MoreStudy);

    /// <summary>
    /// Adds an occupation from the explorer as a career option (once: adding it again changes nothing), within the
    /// step's cap of <see cref="ReflectionLimits.MaxItems"/> options, so step 7 always stays saveable.
    /// </summary>
    public OptionsAnswers WithOccupation(string title, string code)
    {
        if (Options.Any(o => o.OccupationCode == code))
        {
            return this;
        }

        if (Options.Count(o => Strings.Tidy(o.Title) is not null) >= ReflectionLimits.MaxItems)
        {
            throw new DomainRuleException(nameof(Options), $"You already have {ReflectionLimits.MaxItems} career options — that's the most step 7 can hold. Remove one you're less drawn to, then add this one.");
        }

        return this with { Options = [.. Options, new CareerOption { Title = title, OccupationCode = code }] };
    }

    public IStepAnswers Normalized() => this with
    {
        Options = Options.Where(o => Strings.Tidy(o.Title) is not null)
            .Select(o => o with
            {
                Id = Ids.IdOr(o.Id),
                Title = Strings.Tidy(o.Title),
                FitNote = Strings.Tidy(o.FitNote),
                Research = o.Research.Where(r => Strings.Tidy(r.Description) is not null)
                    .Select(r => r with { Id = Ids.IdOr(r.Id), Description = Strings.Tidy(r.Description) }).ToList(),
            }).ToList(),
        Dismissed = Dismissed.DistinctBy(d => d.OccupationCode).Select(d => d with { Reason = Strings.Tidy(d.Reason) }).ToList(),
    };
}
