using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using CareerCompass.Web.Pages.Reflection;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Goals;

public sealed record LinkChoice(string Value, string Label, string Group, string? OccupationCode);

/// <summary>The reflection items a goal can serve, read in one query, and the O*NET skills of linked occupations.</summary>
public sealed class ReflectionChoices(ReflectionStore store, AppDbContext db)
{
    public static string Key(ReflectionLink link) => $"{link.Step}:{link.ItemId}";

    public static ReflectionLink? Parse(string value)
    {
        var parts = value.Split(':', 2);
        return parts.Length == 2 && Enum.TryParse<ReflectionStepKind>(parts[0], out var step) && Enum.IsDefined(step) && parts[1].Length is > 0 and <= 40
            ? new ReflectionLink(step, parts[1])
            : null;
    }

    /// <summary>The steps whose items a goal can serve.</summary>
    private static readonly ReflectionStepKind[] Linkable = [ReflectionStepKind.Values, ReflectionStepKind.Interests, ReflectionStepKind.Vision, ReflectionStepKind.Options];

    public async Task<IReadOnlyList<LinkChoice>> ForAsync(string ownerId)
    {
        var reflection = await store.SnapshotAsync(ownerId, Linkable);

        var choices = new List<LinkChoice>();
        choices.AddRange(reflection.Answers<ValuesAnswers>(ReflectionStepKind.Values).Chosen
            .Select(v => new LinkChoice(Key(new(ReflectionStepKind.Values, v.Id.ToString())), v.DisplayName, "Values", null)));
        choices.AddRange(reflection.Answers<InterestsAnswers>(ReflectionStepKind.Interests).Items
            .Select(i => new LinkChoice(Key(new(ReflectionStepKind.Interests, i.Id.ToString())), i.Text!, "Interests", null)));
        choices.AddRange(reflection.Answers<VisionAnswers>(ReflectionStepKind.Vision).Items
            .Select(v => new LinkChoice(Key(new(ReflectionStepKind.Vision, v.Kind.ToString())), v.Text, "Vision", null)));
        choices.AddRange(reflection.Answers<OptionsAnswers>(ReflectionStepKind.Options).Options
            .Select(o => new LinkChoice(Key(new(ReflectionStepKind.Options, o.Id.ToString())), o.Title!, "Career options", o.OccupationCode)));
        return choices;
    }

    /// <summary>Top five O*NET skills of each linked career option that is an occupation, in one query.</summary>
    public async Task<IReadOnlyList<string>> SuggestedSkillsAsync(IEnumerable<LinkChoice> linked)
    {
        var codes = linked.Select(c => c.OccupationCode).OfType<string>().Distinct().ToList();
        if (codes.Count == 0)
        {
            return [];
        }

        var skills = await db.OccupationSkills.AsNoTracking().Where(s => codes.Contains(s.Code))
            .Select(s => new { s.Code, s.Name, s.Importance }).ToListAsync();
        return skills.GroupBy(s => s.Code).SelectMany(g => g.OrderByDescending(s => s.Importance).Take(5)).Select(s => s.Name).Distinct().ToList();
    }
}
