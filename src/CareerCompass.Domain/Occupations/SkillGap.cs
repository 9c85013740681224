using System.Globalization;
using System.Text;
using CareerCompass.Domain.Goals;
using CareerCompass.Domain.Reflection;

namespace CareerCompass.Domain.Occupations;

/// <summary>How one of an occupation's top skills stands against the strengths a person wrote in step 3.</summary>
public enum SkillCoverage
{
    /// <summary>They listed it as a strength (see the rating: 2 or less still counts as a gap).</summary>
    Listed,

    /// <summary>They named it as something to develop.</summary>
    ToDevelop,

    /// <summary>Not among their strengths yet.</summary>
    NotYet,
}

/// <summary>One top skill and what the person wrote about it: their own words and rating when they listed it.</summary>
public sealed record SkillMatch(OccupationSkill Skill, SkillCoverage Coverage, string? TheirWords, int? Rating)
{
    public const int LowRating = 2;

    /// <summary>Not covered yet: not listed, named to develop, or listed with a rating of <see cref="LowRating"/> or less.</summary>
    public bool IsGap => Coverage != SkillCoverage.Listed || Rating <= LowRating;
}

/// <summary>An occupation's top skills, each with how the person's strengths cover it, and the biggest gap (null when all are covered).</summary>
public sealed record SkillGapReport(IReadOnlyList<SkillMatch> Skills, SkillMatch? BiggestGap)
{
    public bool AllCovered => Skills.Count > 0 && BiggestGap is null;
}

public sealed record MilestoneDraft(string Title, DateOnly DueOn, string Notes);

/// <summary>A goal drafted for a skill gap, with its milestones: a draft, for the person (and the coach) to refine.</summary>
public sealed record GoalDraft(GoalDetails Details, IReadOnlyList<MilestoneDraft> Milestones)
{
    public Goal ToGoal(string ownerId, DateOnly today)
    {
        var goal = Goal.Create(ownerId, Details, today);
        foreach (var milestone in Milestones)
        {
            goal.AddMilestone(milestone.Title, milestone.DueOn, milestone.Notes);
        }

        return goal;
    }
}

/// <summary>
/// "What it takes": matches the free-text strengths a person wrote (step 3) to O*NET's 35 skills with a curated list
/// of words and phrases per skill, compares them with an occupation's top skills, and drafts a goal for the biggest
/// gap. Matching ignores case and punctuation and reduces words to a simple stem (plurals, -ing, -ed, British and
/// American -ise/-ize), then takes the longest phrase at each point of the text: "time management" is Time
/// Management, not also management of people; "reading people" is Social Perceptiveness, not Reading Comprehension;
/// a few hobbies ("listening to music") match nothing.
/// </summary>
public static class SkillGap
{
    public const int DraftMonths = 6;
    public const int PractiseTimes = 3;

    private static readonly Skill[] Catalogue =
    [
        new("2.A.1.a", "reading", ["reading", "reading comprehension", "comprehension", "reader", "reading reports", "reading documents", "reading contracts"]),
        new("2.A.1.b", "active listening", ["listening", "active listening", "listener", "good listener", "listening to people", "listening to others", "listening to customers"]),
        new("2.A.1.c", "writing", ["writing", "writer", "copywriting", "copy writing", "report", "report writing", "writing reports", "blogging", "editing", "proofreading", "technical writing", "content writing", "written communication", "documentation"]),
        new("2.A.1.d", "speaking", ["speaking", "public speaking", "speaker", "presenting", "presentation", "communication", "communicating", "verbal communication", "talking to people", "communication skill"]),
        new("2.A.1.e", "maths", ["math", "maths", "mathematics", "numeracy", "number", "arithmetic", "statistics", "algebra", "calculation", "mental arithmetic"]),
        new("2.A.1.f", "science", ["science", "scientific", "biology", "chemistry", "physics", "research", "lab work", "laboratory work", "experiment"]),
        new("2.A.2.a", "critical thinking", ["critical thinking", "analytical thinking", "analytical", "analysis", "logic", "logical thinking", "reasoning", "thinking critically"]),
        new("2.A.2.b", "active learning", ["active learning", "quick learner", "fast learner", "learning quickly", "learning new things", "picking things up quickly", "curiosity", "curious"]),
        new("2.A.2.c", "learning strategies", ["learning strategies", "study skill", "studying", "lesson planning", "instructional design", "curriculum design"]),
        new("2.A.2.d", "monitoring", ["monitoring", "tracking progress", "keeping track of progress", "performance monitoring", "auditing", "oversight"]),
        new("2.B.1.a", "social awareness", ["social perceptiveness", "empathy", "empathetic", "empathic", "reading people", "reading the room", "emotional intelligence", "perceptive", "body language", "understanding people", "intuition"]),
        new("2.B.1.b", "coordination", ["coordination", "coordinating", "teamwork", "team work", "team player", "working in a team", "working with others", "collaboration", "collaborating", "cooperation", "event planning"]),
        new("2.B.1.c", "persuasion", ["persuasion", "persuading", "persuasive", "influencing", "influencing people", "sale", "selling", "convincing people", "pitching"]),
        new("2.B.1.d", "negotiation", ["negotiation", "negotiating", "negotiator", "conflict resolution", "resolving conflict", "mediation", "mediating", "diplomacy", "diplomatic"]),
        new("2.B.1.e", "teaching", ["teaching", "teacher", "instructing", "instruction", "training people", "training others", "training staff", "trainer", "coaching", "mentoring", "tutoring", "explaining things"]),
        new("2.B.1.f", "service", ["service orientation", "customer service", "customer care", "client service", "helping people", "helping others", "caring for people", "care work", "patient care", "hospitality", "serving customers", "supporting people"]),
        new("2.B.2.i", "problem-solving", ["problem solving", "complex problem solving", "solving problems", "problem solver", "figuring things out", "puzzle"]),
        new("2.B.3.a", "operations analysis", ["operations analysis", "requirements gathering", "business analysis", "process improvement", "process analysis", "user research"]),
        new("2.B.3.b", "technology design", ["technology design", "ux", "ux design", "user experience", "product design", "engineering design", "interface design", "cad"]),
        new("2.B.3.c", "equipment selection", ["equipment selection", "choosing equipment", "choosing tools", "selecting equipment", "choosing the right tools"]),
        new("2.B.3.d", "installation", ["installation", "installing", "installer", "wiring", "setting up equipment", "setting up computers"]),
        new("2.B.3.e", "programming", ["programming", "programmer", "coding", "coder", "code", "writing code", "software development", "software", "web development", "scripting", "python", "java", "javascript", "csharp", "cplusplus", "dotnet", "sql", "html"]),
        new("2.B.3.g", "operations monitoring", ["operations monitoring", "monitoring equipment", "monitoring machines", "control room", "watching gauges"]),
        new("2.B.3.h", "equipment-operating", ["operation and control", "operating machinery", "operating equipment", "operating machines", "machine operation", "heavy machinery", "forklift", "crane"]),
        new("2.B.3.j", "equipment maintenance", ["equipment maintenance", "maintenance", "maintaining equipment", "servicing", "upkeep"]),
        new("2.B.3.k", "troubleshooting", ["troubleshooting", "diagnosing", "diagnostic", "fault finding", "finding faults", "debugging", "tech support", "technical support", "it support"]),
        new("2.B.3.l", "repair", ["repairing", "repair", "fixing", "fixing things", "mechanic", "mending"]),
        new("2.B.3.m", "quality control", ["quality control", "quality control analysis", "quality assurance", "qa", "testing", "inspection", "inspecting", "attention to detail", "detail oriented", "eye for detail"]),
        new("2.B.4.e", "decision-making", ["judgment and decision making", "decision making", "making decisions", "decisive", "judgment", "judgement", "good judgement", "good judgment"]),
        new("2.B.4.g", "systems analysis", ["systems analysis", "system analysis", "systems thinking", "big picture thinking"]),
        new("2.B.4.h", "systems evaluation", ["systems evaluation", "evaluation", "evaluating", "kpi", "metric"]),
        new("2.B.5.a", "time-management", ["time management", "managing time", "managing my time", "punctuality", "punctual", "prioritising", "prioritisation", "organisation", "organised", "planning", "meeting deadlines", "deadline", "scheduling", "project management"]),
        new("2.B.5.b", "money-management", ["management of financial resources", "budgeting", "budget", "finance", "financial management", "managing money", "money management", "bookkeeping", "accounting", "accounts", "financial planning", "cost control"]),
        new("2.B.5.c", "resource-management", ["management of material resources", "stock control", "stock management", "inventory", "purchasing", "procurement", "facilities management", "materials management"]),
        new("2.B.5.d", "people-management", ["management of personnel resources", "managing people", "people management", "leading a team", "leading teams", "leading people", "team leadership", "leadership", "leader", "line management", "managing staff", "managing a team", "managing teams", "management", "supervising", "supervision", "supervisor", "motivating people", "motivating others", "hiring", "recruitment", "recruiting"]),
    ];

    /// <summary>Hobbies that share words with skills: matched first, and they stand for no skill.</summary>
    private static readonly string[] NotSkills =
    [
        "listening to music", "listening to podcasts", "listening to the radio", "reading novels", "reading books for fun", "reading for fun", "watching tv",
    ];

    private static readonly (string[] Words, string? ElementId)[] Phrases = BuildPhrases();

    private static readonly int LongestPhrase = Phrases.Max(p => p.Words.Length);

    /// <summary>The O*NET skill element ids a strength's wording names, in the order they appear.</summary>
    public static IReadOnlyList<string> SkillsIn(string? text)
    {
        var words = Words(text);
        var found = new List<string>();
        for (var at = 0; at < words.Count;)
        {
            var match = Longest(words, at);
            if (match is { } m)
            {
                if (m.ElementId is { } id && !found.Contains(id))
                {
                    found.Add(id);
                }

                at += m.Length;
            }
            else
            {
                at++;
            }
        }

        return found;
    }

    /// <summary>
    /// Each top skill with how the strengths cover it (a listed strength first, with the best rating given; else a
    /// development area), and the biggest gap: the most important top skill not covered or rated <see cref="SkillMatch.LowRating"/> or less.
    /// </summary>
    public static SkillGapReport Compare(IReadOnlyList<OccupationSkill> topSkills, StrengthsAnswers strengths)
    {
        ArgumentNullException.ThrowIfNull(topSkills);
        ArgumentNullException.ThrowIfNull(strengths);
        var listed = strengths.Skills.Where(s => !string.IsNullOrWhiteSpace(s.Name)).Select(s => (Item: s, Ids: SkillsIn(s.Name))).ToList();
        var develop = strengths.Development.Where(d => !string.IsNullOrWhiteSpace(d.Name)).Select(d => (Item: d, Ids: SkillsIn(d.Name))).ToList();
        var matches = topSkills.Select(skill =>
        {
            var own = listed.Where(l => l.Ids.Contains(skill.ElementId)).OrderByDescending(l => l.Item.Rating ?? 0).Select(l => l.Item).FirstOrDefault();
            if (own is not null)
            {
                return new SkillMatch(skill, SkillCoverage.Listed, own.Name!.Trim(), own.Rating);
            }

            var area = develop.Where(d => d.Ids.Contains(skill.ElementId)).Select(d => d.Item).FirstOrDefault();
            return area is not null ? new SkillMatch(skill, SkillCoverage.ToDevelop, area.Name!.Trim(), null) : new SkillMatch(skill, SkillCoverage.NotYet, null, null);
        }).ToList();
        var gap = matches.Select((m, i) => (m, i)).Where(x => x.m.IsGap).OrderByDescending(x => x.m.Skill.Importance).ThenBy(x => x.i).Select(x => x.m).FirstOrDefault();
        return new SkillGapReport(matches, gap);
    }

    /// <summary>
    /// A short-term goal for the gap: one course and <see cref="PractiseTimes"/> real uses of the skill within
    /// <see cref="DraftMonths"/> months of <paramref name="today"/>, with four milestones spread before the deadline.
    /// </summary>
    public static GoalDraft Draft(SkillMatch gap, string occupationTitle, DateOnly today, IReadOnlyList<ReflectionLink>? links = null)
    {
        ArgumentNullException.ThrowIfNull(gap);
        var skill = ShortName(gap.Skill.ElementId) ?? gap.Skill.Name.ToLowerInvariant();
        var deadline = today.AddMonths(DraftMonths);
        var statement = string.Create(
            CultureInfo.InvariantCulture,
            $"Build my {skill} skills for {occupationTitle.Trim()}: finish one short course and put what I learn into practice {PractiseTimes} times by {deadline:d MMMM yyyy}");
        var details = new GoalDetails(statement, GoalHorizon.ShortTerm, Deadline: deadline, Skills: [gap.Skill.Name], Links: links);
        return new GoalDraft(details,
        [
            new($"Find a short course on {skill}", today.AddDays(14), "A free online course, a library workshop or training through work all count. Pick one that fits the time you have."),
            new("Finish the course", today.AddMonths(3), "Little and often is fine: an hour a week adds up."),
            new($"Put {skill} into practice {PractiseTimes} times", deadline.AddDays(-28), "After each time, jot down what went well and one thing to try next time."),
            new($"Ask someone for feedback on your {skill}", deadline.AddDays(-7), "A colleague, friend or mentor. Ask what they noticed, and what they'd suggest."),
        ]);
    }

    /// <summary>How a goal names the skill ("people-management skills"), for every one of the 35.</summary>
    public static string? ShortName(string elementId) => Catalogue.FirstOrDefault(s => s.ElementId == elementId)?.ShortName;

    private static (int Length, string? ElementId)? Longest(List<string> words, int at)
    {
        for (var length = Math.Min(LongestPhrase, words.Count - at); length > 0; length--)
        {
            foreach (var (phrase, id) in Phrases)
            {
                if (phrase.Length == length && words.Skip(at).Take(length).SequenceEqual(phrase, StringComparer.Ordinal))
                {
                    return (length, id);
                }
            }
        }

        return null;
    }

    private static (string[] Words, string? ElementId)[] BuildPhrases() =>
        [
            .. NotSkills.Select(p => (Words(p).ToArray(), (string?)null)),
            .. Catalogue.SelectMany(s => s.Phrases.Select(p => (Words(p).ToArray(), (string?)s.ElementId))),
        ];

    /// <summary>Lower case, punctuation gone (C#, C++ and .NET kept as words), each word reduced to its stem.</summary>
    private static List<string> Words(string? text)
    {
        var lower = (text ?? string.Empty).ToLowerInvariant()
            .Replace("c#", " csharp ", StringComparison.Ordinal)
            .Replace("c++", " cplusplus ", StringComparison.Ordinal)
            .Replace(".net", " dotnet ", StringComparison.Ordinal)
            .Replace("&", " and ", StringComparison.Ordinal)
            .Replace("'", string.Empty, StringComparison.Ordinal)
            .Replace("’", string.Empty, StringComparison.Ordinal);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in lower + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                words.Add(Stem(word.ToString()));
                word.Clear();
            }
        }

        return words;
    }

    /// <summary>A simple stem, the same for a phrase and the person's words: "listening", "listens" and "listen" agree.</summary>
    private static string Stem(string word)
    {
        var w = word.Replace("iz", "is", StringComparison.Ordinal).Replace("yz", "ys", StringComparison.Ordinal);
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal))
        {
            w = w[..^3] + "y";
        }
        else if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal))
        {
            w = Undouble(w[..^3]);
        }
        else if (w.Length > 5 && w.EndsWith("ed", StringComparison.Ordinal))
        {
            w = Undouble(w[..^2]);
        }

        return w.Length > 3 && w.EndsWith('e') ? w[..^1] : w;
    }

    private static string Undouble(string w) => w.Length > 2 && w[^1] == w[^2] && !"aeiouls".Contains(w[^1], StringComparison.Ordinal) ? w[..^1] : w;

    private sealed record Skill(string ElementId, string ShortName, string[] Phrases);
}
