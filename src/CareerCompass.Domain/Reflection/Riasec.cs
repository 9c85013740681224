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

/// <param name="Plain">The area in everyday words ("helping people"), shown before the area's name and letter.</param>
public sealed record RiasecAreaInfo(RiasecArea Area, char Letter, string Name, string Meaning, string Plain);

public sealed record ExplorerActivity(string Id, RiasecArea Area, string Text);

/// <summary>
/// A person's interest profile: an average 1–5 rating per area, the top three as a Holland code once every area has
/// a rating, and <see cref="Leaning"/>: the top (up to) three of the areas rated so far.
/// </summary>
public sealed record InterestProfile(IReadOnlyDictionary<RiasecArea, double> Scores, IReadOnlyList<RiasecArea> TopThree)
{
    public string HollandCode => string.Concat(TopThree.Select(a => Riasec.Of(a).Letter));

    public bool IsComplete => TopThree.Count == 3;

    /// <summary>The highest of the areas rated so far (up to three), ties in RIASEC order.</summary>
    public IReadOnlyList<RiasecArea> Leaning => Riasec.Rank(Scores).Take(3).ToList();

    /// <summary>The leaning in plain words, e.g. "helping people (Social), working things out (Investigative) and creating (Artistic)"; empty when nothing is rated.</summary>
    public string InPlainWords => Riasec.InPlainWords(Leaning);
}

public static class Riasec
{
    public static readonly IReadOnlyList<RiasecAreaInfo> Areas =
    [
        new(RiasecArea.Realistic, 'R', "Realistic", "Hands-on work with tools, machines, plants or animals; seeing a practical result.", "making things work"),
        new(RiasecArea.Investigative, 'I', "Investigative", "Working out how things work: observing, analysing, solving puzzles with ideas and data.", "working things out"),
        new(RiasecArea.Artistic, 'A', "Artistic", "Creating and expressing: design, words, music, images — work with room for imagination.", "creating and expressing"),
        new(RiasecArea.Social, 'S', "Social", "Helping, teaching, caring for or guiding people.", "helping people"),
        new(RiasecArea.Enterprising, 'E', "Enterprising", "Leading, persuading and starting things; taking decisions and some risk.", "leading and persuading"),
        new(RiasecArea.Conventional, 'C', "Conventional", "Bringing order: organising information, following clear processes, getting details right.", "organising"),
    ];

    /// <summary>
    /// Five everyday activities per area, written to be recognisable whether someone is at school or changing careers.
    /// The ids are stored with people's ratings: never rename or reuse one, only add new ids (the first three per
    /// area are the original set; 4 and 5 were added later, so older answers simply have them unrated).
    /// </summary>
    public static readonly IReadOnlyList<ExplorerActivity> Activities =
    [
        new("r1", RiasecArea.Realistic, "Fixing or building something with my hands"),
        new("r2", RiasecArea.Realistic, "Working outdoors, with plants, animals or the land"),
        new("r3", RiasecArea.Realistic, "Operating tools, vehicles or equipment"),
        new("r4", RiasecArea.Realistic, "Repairing something that's broken at home"),
        new("r5", RiasecArea.Realistic, "Setting up equipment, from a new computer to a tent"),
        new("i1", RiasecArea.Investigative, "Figuring out why something doesn't work"),
        new("i2", RiasecArea.Investigative, "Reading about science, technology or research"),
        new("i3", RiasecArea.Investigative, "Analysing numbers or data to find a pattern"),
        new("i4", RiasecArea.Investigative, "Looking into a question until I really understand the answer"),
        new("i5", RiasecArea.Investigative, "Trying different ways of doing something to see which works best"),
        new("a1", RiasecArea.Artistic, "Drawing, designing, photographing or making music"),
        new("a2", RiasecArea.Artistic, "Writing stories, posts or articles"),
        new("a3", RiasecArea.Artistic, "Coming up with original ideas for how something could look or feel"),
        new("a4", RiasecArea.Artistic, "Decorating a room or putting an outfit together"),
        new("a5", RiasecArea.Artistic, "Performing: acting, singing or speaking in front of people"),
        new("s1", RiasecArea.Social, "Explaining something until another person really gets it"),
        new("s2", RiasecArea.Social, "Listening to someone and helping them through a hard time"),
        new("s3", RiasecArea.Social, "Volunteering or working for a community"),
        new("s4", RiasecArea.Social, "Showing a new colleague or classmate the ropes"),
        new("s5", RiasecArea.Social, "Looking after someone who is ill, very young or elderly"),
        new("e1", RiasecArea.Enterprising, "Leading a group towards a goal"),
        new("e2", RiasecArea.Enterprising, "Convincing people of an idea, or selling something"),
        new("e3", RiasecArea.Enterprising, "Starting a project, club or small business"),
        new("e4", RiasecArea.Enterprising, "Negotiating a better deal or a fair compromise"),
        new("e5", RiasecArea.Enterprising, "Taking charge when plans fall apart"),
        new("c1", RiasecArea.Conventional, "Organising files, schedules or a budget"),
        new("c2", RiasecArea.Conventional, "Checking details carefully so nothing slips through"),
        new("c3", RiasecArea.Conventional, "Following and improving a clear process"),
        new("c4", RiasecArea.Conventional, "Keeping records or a spreadsheet up to date"),
        new("c5", RiasecArea.Conventional, "Getting forms, bills or paperwork done right and on time"),
    ];

    public static RiasecAreaInfo Of(RiasecArea area) => Areas[(int)area];

    public static bool IsKnownActivity(string id) => Activities.Any(a => a.Id == id);

    /// <summary>
    /// Averages the person's 1–5 ratings per area (unrated activities don't count) and ranks the areas. Ties keep
    /// RIASEC order so the code is stable. Until every area has at least one rating there is no code yet: the code
    /// compares all six areas, so it needs each of them; one rating per area is enough, so someone who rated the
    /// original three-per-area set keeps their code after new activities are added.
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

        var top = scores.Count == Areas.Count ? Rank(scores).Take(3).ToList() : [];
        return new InterestProfile(scores, top);
    }

    /// <summary>The rated areas, highest average first; ties keep RIASEC order.</summary>
    public static IEnumerable<RiasecArea> Rank(IReadOnlyDictionary<RiasecArea, double> scores) =>
        scores.OrderByDescending(s => s.Value).ThenBy(s => s.Key).Select(s => s.Key);

    /// <summary>Areas in plain words with the name in brackets: "helping people (Social) and organising (Conventional)".</summary>
    public static string InPlainWords(IReadOnlyList<RiasecArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        var parts = areas.Select(a => $"{Of(a).Plain} ({Of(a).Name})").ToList();
        return parts.Count <= 1 ? string.Concat(parts) : $"{string.Join(", ", parts[..^1])} and {parts[^1]}";
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
