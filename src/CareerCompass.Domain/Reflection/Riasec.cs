namespace CareerCompass.Domain.Reflection;

/// <summary>The six work-interest areas of Holland's RIASEC model, in the model's own order.</summary>
public enum RiasecArea
{
    Realistic,
    Investigative,
    Artistic,
    Social,
    Enterprising,
    Conventional,
}

public sealed record RiasecAreaInfo(RiasecArea Area, char Letter, string Name, string Meaning);

public sealed record ExplorerActivity(string Id, RiasecArea Area, string Text);

/// <summary>A person's interest profile: an average 1–5 rating per area and the top three as a Holland code.</summary>
public sealed record InterestProfile(IReadOnlyDictionary<RiasecArea, double> Scores, IReadOnlyList<RiasecArea> TopThree)
{
    public string HollandCode => string.Concat(TopThree.Select(a => Riasec.Of(a).Letter));

    public bool IsComplete => TopThree.Count == 3;
}

public static class Riasec
{
    public static readonly IReadOnlyList<RiasecAreaInfo> Areas =
    [
        new(RiasecArea.Realistic, 'R', "Realistic", "Hands-on work with tools, machines, plants or animals; seeing a practical result."),
        new(RiasecArea.Investigative, 'I', "Investigative", "Working out how things work: observing, analysing, solving puzzles with ideas and data."),
        new(RiasecArea.Artistic, 'A', "Artistic", "Creating and expressing: design, words, music, images — work with room for imagination."),
        new(RiasecArea.Social, 'S', "Social", "Helping, teaching, caring for or guiding people."),
        new(RiasecArea.Enterprising, 'E', "Enterprising", "Leading, persuading and starting things; taking decisions and some risk."),
        new(RiasecArea.Conventional, 'C', "Conventional", "Bringing order: organising information, following clear processes, getting details right."),
    ];

    /// <summary>Three everyday activities per area, written to be recognisable whatever someone's background.</summary>
    public static readonly IReadOnlyList<ExplorerActivity> Activities =
    [
        new("r1", RiasecArea.Realistic, "Fixing or building something with my hands"),
        new("r2", RiasecArea.Realistic, "Working outdoors, with plants, animals or the land"),
        new("r3", RiasecArea.Realistic, "Operating tools, vehicles or equipment"),
        new("i1", RiasecArea.Investigative, "Figuring out why something doesn't work"),
        new("i2", RiasecArea.Investigative, "Reading about science, technology or research"),
        new("i3", RiasecArea.Investigative, "Analysing numbers or data to find a pattern"),
        new("a1", RiasecArea.Artistic, "Drawing, designing, photographing or making music"),
        new("a2", RiasecArea.Artistic, "Writing stories, posts or articles"),
        new("a3", RiasecArea.Artistic, "Coming up with original ideas for how something could look or feel"),
        new("s1", RiasecArea.Social, "Explaining something until another person really gets it"),
        new("s2", RiasecArea.Social, "Listening to someone and helping them through a hard time"),
        new("s3", RiasecArea.Social, "Volunteering or working for a community"),
        new("e1", RiasecArea.Enterprising, "Leading a group towards a goal"),
        new("e2", RiasecArea.Enterprising, "Convincing people of an idea, or selling something"),
        new("e3", RiasecArea.Enterprising, "Starting a project, club or small business"),
        new("c1", RiasecArea.Conventional, "Organising files, schedules or a budget"),
        new("c2", RiasecArea.Conventional, "Checking details carefully so nothing slips through"),
        new("c3", RiasecArea.Conventional, "Following and improving a clear process"),
    ];

    public static RiasecAreaInfo Of(RiasecArea area) => Areas[(int)area];

    public static bool IsKnownActivity(string id) => Activities.Any(a => a.Id == id);

    /// <summary>
    /// Averages the person's 1–5 ratings per area (unrated activities don't count) and ranks the areas. Ties keep
    /// RIASEC order so the code is stable. Until every area has at least one rating there is no code yet.
    /// </summary>
    public static InterestProfile ProfileFrom(IReadOnlyDictionary<string, int> ratings)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var scores = new Dictionary<RiasecArea, double>();
        foreach (var area in Enum.GetValues<RiasecArea>())
        {
            var rated = Activities.Where(a => a.Area == area && ratings.TryGetValue(a.Id, out var r) && r is >= ReflectionLimits.MinRating and <= ReflectionLimits.MaxRating)
                .Select(a => ratings[a.Id]).ToList();
            if (rated.Count > 0)
            {
                scores[area] = rated.Average();
            }
        }

        var top = scores.Count == Areas.Count
            ? scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(3).Select(s => s.Key).ToList()
            : [];
        return new InterestProfile(scores, top);
    }

    /// <summary>
    /// How well an occupation's interest profile (O*NET's 1–7 scale) fits a person's (1–5): the Pearson correlation
    /// of the two six-area profiles, from -1 (opposite) to 1 (same shape). Shape matters, not level, so someone who
    /// rates everything low still gets sensible suggestions.
    /// </summary>
    public static double Fit(IReadOnlyDictionary<RiasecArea, double> person, IReadOnlyList<double> occupation)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(occupation);
        var p = Enum.GetValues<RiasecArea>().Select(a => person.TryGetValue(a, out var v) ? v : 0).ToArray();
        var meanP = p.Average();
        var meanO = occupation.Average();
        double covariance = 0, varP = 0, varO = 0;
        for (var i = 0; i < p.Length; i++)
        {
            covariance += (p[i] - meanP) * (occupation[i] - meanO);
            varP += (p[i] - meanP) * (p[i] - meanP);
            varO += (occupation[i] - meanO) * (occupation[i] - meanO);
        }

        return varP == 0 || varO == 0 ? 0 : covariance / Math.Sqrt(varP * varO);
    }
}
