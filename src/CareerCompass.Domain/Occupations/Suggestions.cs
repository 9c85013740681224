using CareerCompass.Domain.Reflection;

namespace CareerCompass.Domain.Occupations;

/// <summary>O*NET's six work values, in the order <see cref="SuggestionCandidate.WorkValues"/> holds them.</summary>
public enum OnetWorkValue
{
    Achievement,
    WorkingConditions,
    Recognition,
    Relationships,
    Support,
    Independence,
}

/// <summary>How much more training or study a person would take on (the explore page asks); <c>NotSure</c> sets no limit.</summary>
public enum PreparationWilling
{
    NotSure,
    OnTheJob,
    Course,
    Degree,
    Graduate,
}

/// <summary>The preparation a person has now; <c>NotSaid</c> counts as none.</summary>
public enum PreparationHave
{
    NotSaid,
    School,
    Vocational,
    Degree,
    Graduate,
}

/// <summary>Maps the plain-words preparation answers to O*NET job zones (1 little preparation … 5 extensive).</summary>
public static class Preparation
{
    /// <summary>
    /// The highest job zone within reach: the zone of what they have, or of what they'd take on, whichever is higher.
    /// Null (no limit) when they're not sure how much more they'd take on.
    /// </summary>
    public static int? HighestZone(PreparationHave have, PreparationWilling willing)
    {
        var willingZone = willing switch
        {
            PreparationWilling.OnTheJob => 2,
            PreparationWilling.Course => 3,
            PreparationWilling.Degree => 4,
            PreparationWilling.Graduate => 5,
            _ => (int?)null,
        };
        var haveZone = have switch
        {
            PreparationHave.School => 2,
            PreparationHave.Vocational => 3,
            PreparationHave.Degree => 4,
            PreparationHave.Graduate => 5,
            _ => 1,
        };
        return willingZone is null ? null : Math.Max(willingZone.Value, haveZone);
    }
}

/// <summary>
/// One occupation as the ranker sees it: O*NET's 1–7 interest profile (RIASEC order), its six 1–7 work-value extent
/// scores (<see cref="OnetWorkValue"/> order; null where O*NET has none) and the codes O*NET lists as related.
/// </summary>
public sealed record SuggestionCandidate(
    string Code, string Title, int JobZone, IReadOnlyList<double> Interests, IReadOnlyList<double>? WorkValues, IReadOnlyList<string> Related)
{
    /// <summary>The SOC minor group: the first four characters of the code (<c>25-1</c>: postsecondary teachers).</summary>
    public string MinorGroup => Code.Length >= 4 ? Code[..4] : Code;
}

/// <summary>What the ranker knows about the person.</summary>
public sealed record SuggestionRequest
{
    public required IReadOnlyDictionary<RiasecArea, double> Interests { get; init; }

    /// <summary>Their values, most important first (custom values are ignored).</summary>
    public IReadOnlyList<ChosenValue> Values { get; init; } = [];

    /// <summary>The highest job zone they'd reach (<see cref="Preparation.HighestZone"/>); null for no limit.</summary>
    public int? HighestZone { get; init; }

    /// <summary>The career options they named; those with an occupation code are never suggested and lift related ones.</summary>
    public IReadOnlyList<CareerOption> Options { get; init; } = [];

    public IReadOnlyCollection<string> Dismissed { get; init; } = [];

    /// <summary>Only this job zone (the explore page's preparation filter); null for every zone.</summary>
    public int? OnlyZone { get; init; }

    public int Limit { get; init; } = Suggestions.DefaultLimit;
}

/// <param name="InterestFit">The shape correlation of the two interest profiles, -1 to 1 (<see cref="Riasec.Fit"/>).</param>
/// <param name="ValuesFit">How well its work values meet the person's ranked ones, -1 to 1 (0 without values or data).</param>
/// <param name="CloseTo">The title of the named option it's close to, if any.</param>
/// <param name="BeyondPreparation">It needs more preparation than the person said they'd take on.</param>
/// <param name="Why">Why it fits, in plain words.</param>
public sealed record Suggestion(
    SuggestionCandidate Occupation, double Score, double InterestFit, double ValuesFit, string? CloseTo, bool BeyondPreparation, string Why);

/// <summary>
/// Suggests occupations that fit the whole person, best first. Score = interest fit (Pearson shape correlation,
/// -1 to 1) + 0.2 × values fit (-1 to 1) + 0.1 if the occupation is close to a career option they already named.
/// Interest fit leads: values and named options can reorder occupations with similar interest fit, but can't lift a
/// poor interest match over a good one.
/// <list type="bullet">
/// <item>Values fit: each of the person's top five values that maps to an O*NET work value (<see cref="ValueMap"/>)
/// scores (extent − 4) / 3, clamped to -1…1 (4 is the middle of O*NET's 1–7 scale), weighted 5, 4, 3, 2, 1 by rank
/// (a value keeps its rank's weight even when a custom or unmapped value sits above it). Custom values, unmapped
/// ones and occupations without O*NET work-value data count 0: neither a plus nor a minus.</item>
/// <item>Preparation: occupations above the highest job zone the person would reach drop back behind every occupation
/// within reach, rather than being hidden: they only show when nothing within reach is left (say, the person filtered
/// to a higher zone), and then they say so. "Not sure" sets no limit.</item>
/// <item>Named options: an occupation O*NET lists as related to one they named (either way round), or in the same SOC
/// minor group, is "close to" it. Named and dismissed occupations are never suggested.</item>
/// <item>Variety: at most <see cref="MaxPerGroup"/> from one SOC minor group, picked in score order so the best fit
/// still leads; if fewer than the limit remain in other groups, the rest are filled from the best of the skipped
/// ones rather than showing a short list.</item>
/// </list>
/// The reason names the person's top areas they rated <see cref="EnjoyedRating"/> or more that are among the
/// occupation's top three, and values the occupation scores <see cref="HighValue"/> or more on (O*NET's 1–7 scale).
/// </summary>
public static class Suggestions
{
    public const int DefaultLimit = 10;

    public const int MaxPerGroup = 3;

    public const double ValuesWeight = 0.2;

    public const double CloseBoost = 0.1;

    public const double HighValue = 5.0;

    /// <summary>A person's average rating (1–5) from which we say they enjoy an area; someone who rates everything lower still gets their top one.</summary>
    public const double EnjoyedRating = 3.5;

    private static readonly int[] RankWeights = [5, 4, 3, 2, 1];

    /// <summary>
    /// Which O*NET work value stands for each catalogue value, by O*NET's own meanings (Achievement: results, using
    /// your abilities; Working Conditions: security, pay, variety; Recognition: advancement, leadership, prestige;
    /// Relationships: helping others, co-workers, doing right; Support: supportive management; Independence: working
    /// on your own, deciding, creativity). Null: O*NET doesn't measure it, so it's deliberately left out.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, OnetWorkValue?> ValueMap = new Dictionary<string, OnetWorkValue?>(StringComparer.Ordinal)
    {
        ["creativity"] = OnetWorkValue.Independence,
        ["helping-others"] = OnetWorkValue.Relationships,
        ["financial-security"] = OnetWorkValue.WorkingConditions,
        ["work-life-balance"] = null, // hours and balance aren't among O*NET's work values
        ["autonomy"] = OnetWorkValue.Independence,
        ["leadership"] = OnetWorkValue.Recognition,
        ["learning"] = null, // O*NET has no "keep learning" value; Achievement is about using abilities you have
        ["recognition"] = OnetWorkValue.Recognition,
        ["stability"] = OnetWorkValue.WorkingConditions,
        ["variety"] = OnetWorkValue.WorkingConditions,
        ["teamwork"] = OnetWorkValue.Relationships,
        ["social-impact"] = OnetWorkValue.Relationships,
        ["flexibility"] = null, // choosing where and when you work isn't measured
        ["challenge"] = OnetWorkValue.Achievement,
        ["achievement"] = OnetWorkValue.Achievement,
        ["expertise"] = OnetWorkValue.Achievement,
        ["belonging"] = OnetWorkValue.Relationships,
    };

    public static IReadOnlyList<Suggestion> Rank(SuggestionRequest request, IReadOnlyList<SuggestionCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(candidates);
        var values = RankedValues(request.Values);
        var leaning = Riasec.Rank(request.Interests).Take(3).ToList();
        var enjoyed = leaning.Where(a => request.Interests[a] >= EnjoyedRating).ToList();
        if (enjoyed.Count == 0)
        {
            enjoyed = leaning.Take(1).ToList();
        }

        var named = request.Options.Where(o => !string.IsNullOrEmpty(o.OccupationCode)).ToList();
        var namedCodes = named.Select(o => o.OccupationCode!).ToHashSet(StringComparer.Ordinal);
        var skip = new HashSet<string>(request.Dismissed, StringComparer.Ordinal);
        skip.UnionWith(namedCodes);
        var relatedToNamed = RelatedToNamed(named, candidates);

        var scored = new List<Suggestion>();
        foreach (var c in candidates)
        {
            if (skip.Contains(c.Code) || (request.OnlyZone is { } zone && c.JobZone != zone))
            {
                continue;
            }

            var fit = Riasec.Fit(request.Interests, c.Interests);
            var valuesFit = ValuesFit(values, c.WorkValues);
            var closeTo = CloseTo(c, named, relatedToNamed);
            var beyond = request.HighestZone is { } highest && c.JobZone > highest;
            var score = fit + (ValuesWeight * valuesFit) + (closeTo is null ? 0 : CloseBoost);
            scored.Add(new Suggestion(c, score, fit, valuesFit, closeTo, beyond, string.Empty));
        }

        var ordered = scored
            .OrderBy(s => s.BeyondPreparation)
            .ThenByDescending(s => s.Score)
            .ThenBy(s => s.Occupation.Title, StringComparer.Ordinal)
            .ThenBy(s => s.Occupation.Code, StringComparer.Ordinal)
            .ToList();
        return Varied(ordered, Math.Max(0, request.Limit))
            .Select(s => s with { Why = Why(s, enjoyed, values) })
            .ToList();
    }

    /// <summary>The top <paramref name="limit"/>, at most <see cref="MaxPerGroup"/> per minor group, topped up honestly from the rest.</summary>
    public static IReadOnlyList<Suggestion> Varied(IReadOnlyList<Suggestion> ordered, int limit)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var picked = new List<Suggestion>(limit);
        var skipped = new List<Suggestion>();
        var perGroup = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var s in ordered)
        {
            if (picked.Count == limit)
            {
                break;
            }

            var group = s.Occupation.MinorGroup;
            var count = perGroup.GetValueOrDefault(group);
            if (count < MaxPerGroup)
            {
                perGroup[group] = count + 1;
                picked.Add(s);
            }
            else
            {
                skipped.Add(s);
            }
        }

        picked.AddRange(skipped.Take(limit - picked.Count));
        return picked;
    }

    private sealed record RankedValue(WorkValue Value, OnetWorkValue Onet, int Weight);

    private static List<RankedValue> RankedValues(IReadOnlyList<ChosenValue> chosen)
    {
        var ranked = new List<RankedValue>();
        for (var i = 0; i < Math.Min(chosen.Count, RankWeights.Length); i++)
        {
            if (WorkValues.Find(chosen[i].Key) is { } value && ValueMap.GetValueOrDefault(value.Key) is { } onet)
            {
                ranked.Add(new RankedValue(value, onet, RankWeights[i]));
            }
        }

        return ranked;
    }

    private static double ValuesFit(List<RankedValue> values, IReadOnlyList<double>? scores)
    {
        if (values.Count == 0 || scores is null)
        {
            return 0;
        }

        double sum = 0, weights = 0;
        foreach (var v in values)
        {
            sum += v.Weight * Math.Clamp((scores[(int)v.Onet] - 4) / 3, -1, 1);
            weights += v.Weight;
        }

        return sum / weights;
    }

    /// <summary>For each occupation close to a named option: that option's index in the person's list (the first named wins).</summary>
    private static Dictionary<string, int> RelatedToNamed(List<CareerOption> named, IReadOnlyList<SuggestionCandidate> candidates)
    {
        var close = new Dictionary<string, int>(StringComparer.Ordinal);
        if (named.Count == 0)
        {
            return close;
        }

        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = named.Count - 1; i >= 0; i--)
        {
            byCode[named[i].OccupationCode!] = i;
        }

        foreach (var c in candidates)
        {
            if (byCode.TryGetValue(c.Code, out var index))
            {
                foreach (var related in c.Related)
                {
                    close[related] = Math.Min(index, close.GetValueOrDefault(related, int.MaxValue));
                }
            }

            foreach (var related in c.Related)
            {
                if (byCode.TryGetValue(related, out var reverse))
                {
                    close[c.Code] = Math.Min(reverse, close.GetValueOrDefault(c.Code, int.MaxValue));
                }
            }
        }

        return close;
    }

    private static string? CloseTo(SuggestionCandidate c, List<CareerOption> named, Dictionary<string, int> relatedToNamed)
    {
        if (named.Count == 0)
        {
            return null;
        }

        var index = relatedToNamed.GetValueOrDefault(c.Code, int.MaxValue);
        for (var i = 0; i < Math.Min(index, named.Count); i++)
        {
            if (named[i].OccupationCode!.StartsWith(c.MinorGroup, StringComparison.Ordinal))
            {
                index = i;
                break;
            }
        }

        return index < named.Count ? named[index].Title ?? named[index].OccupationCode : null;
    }

    /// <summary>
    /// "You enjoy helping people and value autonomy; this work scores high on both." Names only the person's top
    /// interest areas that are among the occupation's top three, and values the occupation scores high on.
    /// </summary>
    private static string Why(Suggestion s, List<RiasecArea> enjoyed, List<RankedValue> values)
    {
        var c = s.Occupation;
        var topAreas = Enumerable.Range(0, c.Interests.Count)
            .OrderByDescending(i => c.Interests[i]).ThenBy(i => i).Take(3).Select(i => (RiasecArea)i).ToHashSet();
        var interests = enjoyed.Where(topAreas.Contains).Take(2).Select(a => Riasec.Of(a).Plain).ToList();
        var high = c.WorkValues is null
            ? []
            : values.Where(v => c.WorkValues[(int)v.Onet] >= HighValue).Select(v => Lower(v.Value.Name)).Distinct().Take(2).ToList();

        string first;
        if (interests.Count > 0 && high.Count > 0)
        {
            first = interests.Count + high.Count == 2
                ? $"You enjoy {interests[0]} and value {high[0]}; this work scores high on both."
                : $"You enjoy {And(interests)}, and you value {And(high)}; this work scores high on all of these.";
        }
        else if (interests.Count > 0)
        {
            first = $"This work centres on {And(interests)}, which you enjoy; the fit is mostly about interests.";
        }
        else if (high.Count > 0)
        {
            first = $"You value {And(high)} and this work scores high there; its mix of interests is close to yours too.";
        }
        else
        {
            first = "Its overall mix of interests is close to yours.";
        }

        if (interests.Count > 0 && high.Count == 0 && values.Count > 0)
        {
            first += c.WorkValues is null
                ? " O*NET has no work-values figures for it, so we can't say how it meets your values."
                : " It isn't especially strong on the values you ranked highest.";
        }

        var parts = new List<string> { first };
        if (s.CloseTo is not null)
        {
            parts.Add($"It's close to {s.CloseTo}, which you're already considering.");
        }

        if (s.BeyondPreparation)
        {
            parts.Add("It usually takes more preparation than you said you'd take on.");
        }

        return string.Join(' ', parts);
    }

    private static string Lower(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    private static string And(List<string> items) => items.Count <= 1 ? string.Concat(items) : $"{string.Join(", ", items[..^1])} and {items[^1]}";
}
