using CareerCompass.Domain.Reflection;

namespace CareerCompass.Domain.Occupations;

/// <summary>
/// An occupation from the O*NET database: reference data shared by everyone, never owned or changed by a person.
/// Interest scores are O*NET's 1–7 RIASEC profile; work values O*NET's 1–7 extent scores (absent for some).
/// </summary>
public sealed class Occupation
{
    public Occupation(string code, string title, string description, int jobZone)
    {
        Code = code;
        Title = title;
        Description = description;
        JobZone = jobZone;
    }

    public string Code { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public int JobZone { get; private set; }

    public double Realistic { get; init; }

    public double Investigative { get; init; }

    public double Artistic { get; init; }

    public double Social { get; init; }

    public double Enterprising { get; init; }

    public double Conventional { get; init; }

    public double? Achievement { get; init; }

    public double? WorkingConditions { get; init; }

    public double? Recognition { get; init; }

    public double? Relationships { get; init; }

    public double? Support { get; init; }

    public double? Independence { get; init; }

    public IReadOnlyList<double> InterestProfile => [Realistic, Investigative, Artistic, Social, Enterprising, Conventional];

    public string HollandCode => string.Concat(InterestProfile
        .Select((score, i) => (score, area: (RiasecArea)i))
        .OrderByDescending(x => x.score).ThenBy(x => x.area).Take(3)
        .Select(x => Riasec.Of(x.area).Letter));
}

public sealed class OccupationSkill
{
    public OccupationSkill(string code, string elementId, string name, double importance, double level)
    {
        Code = code;
        ElementId = elementId;
        Name = name;
        Importance = importance;
        Level = level;
    }

    public string Code { get; private set; }

    public string ElementId { get; private set; }

    public string Name { get; private set; }

    /// <summary>O*NET importance, 1–5.</summary>
    public double Importance { get; private set; }

    /// <summary>O*NET level, 0–7.</summary>
    public double Level { get; private set; }
}

/// <summary>A title an occupation goes by — its own or one of O*NET's alternate titles — kept lower-cased for search.</summary>
public sealed class OccupationTitle
{
    public OccupationTitle(string code, string title, string searchText)
    {
        Code = code;
        Title = title;
        SearchText = searchText;
    }

    public int Id { get; private set; }

    public string Code { get; private set; }

    public string Title { get; private set; }

    public string SearchText { get; private set; }

    public static string Normalize(string text) =>
        string.Join(' ', text.ToLowerInvariant().Split([' ', '\t', '-', '/', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries));
}

public static class JobZones
{
    /// <summary>What each O*NET job zone means, in plain words.</summary>
    public static string Describe(int zone) => zone switch
    {
        1 => "Little or no preparation — you can learn on the job in days or weeks.",
        2 => "Some preparation — usually secondary school and a few months of training or experience.",
        3 => "Medium preparation — vocational training, an apprenticeship or an associate's degree.",
        4 => "Considerable preparation — usually a bachelor's degree and some years of experience.",
        5 => "Extensive preparation — often a graduate degree and many years of experience.",
        _ => "Preparation level not known.",
    };

    public static string ShortName(int zone) => zone switch
    {
        1 => "Little preparation",
        2 => "Some preparation",
        3 => "Medium preparation",
        4 => "Considerable preparation",
        5 => "Extensive preparation",
        _ => "Unknown",
    };
}
