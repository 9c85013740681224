using System.Globalization;
using System.Text.RegularExpressions;

namespace CareerCompass.Domain.Goals;

public enum GoalHorizon
{
    /// <summary>Under a year.</summary>
    ShortTerm,

    /// <summary>One to three years.</summary>
    MediumTerm,

    /// <summary>Three years or more.</summary>
    LongTerm,
}

public enum SmartStatus
{
    Met,
    NotYet,
    NeedsInput,
}

public sealed record SmartCriterion(SmartStatus Status, string Advice);

public sealed record SmartVerdict(SmartCriterion Specific, SmartCriterion Measurable, SmartCriterion Achievable, SmartCriterion Relevant, SmartCriterion TimeBound)
{
    public bool AllMet => new[] { Specific, Measurable, Achievable, Relevant, TimeBound }.All(c => c.Status == SmartStatus.Met);
}

/// <summary>
/// What the coach looks at. Only <see cref="Statement"/> is required; a missing structured field leaves its criterion
/// to the text (specific, measurable, time-bound) or to "needs input" (achievable, relevant).
/// </summary>
public sealed record SmartInput(
    string Statement,
    GoalHorizon? Horizon = null,
    string? Measure = null,
    string? Target = null,
    DateOnly? Deadline = null,
    int? Confidence = null,
    int? LinkedItems = null,
    bool HasConfidencePlan = false);

/// <summary>
/// The SMART coach: judges a goal on each criterion and gives one concrete piece of advice. A pure function of its
/// input and "today", so it gives the same answer in the editor, the JSON endpoint and the tests.
/// </summary>
public static partial class SmartCoach
{
    public const int ConfidentEnough = 7;

    private static readonly string[] VaguePhrases =
    [
        "get better at", "get better", "be better", "do better", "grow in my career", "grow my career", "grow", "improve myself", "improve",
        "develop myself", "develop", "advance my career", "advance", "progress in my career", "progress", "succeed", "be successful",
        "do well", "level up", "move up", "be happier", "find my passion", "work on myself", "upskill", "be more",
    ];

    private static readonly string[] ConcreteOutcomes =
    [
        "manager", "lead", "leader", "head of", "director", "engineer", "developer", "designer", "analyst", "scientist", "nurse", "teacher",
        "consultant", "researcher", "architect", "specialist", "coordinator", "officer", "supervisor", "owner", "founder", "freelance",
        "certification", "certificate", "certified", "degree", "diploma", "master's", "masters", "mba", "phd", "licence", "license", "qualification",
        "course", "courses", "bootcamp", "exam", "promotion", "promoted", "raise", "salary", "job", "role", "position", "interview", "interviews",
        "portfolio", "project", "projects", "business", "clients", "customers", "talk", "talks", "article", "articles", "book", "books",
        "mentor", "mentee", "network", "contacts", "connections", "language", "spanish", "french", "german", "english", "python", "excel",
        "sql", "public speaking", "presentation", "presentations", "team", "marathon", "application", "applications", "cv", "resume",
    ];

    private static readonly string[] ConcreteVerbs =
    [
        "become", "complete", "finish", "earn", "get", "land", "pass", "publish", "launch", "start", "build", "lead", "run", "apply",
        "attend", "write", "read", "learn", "speak", "present", "save", "hire", "join", "open", "ship", "teach", "train", "mentor", "meet",
        "contact", "enrol", "enroll", "register", "submit", "move", "switch", "transition", "take",
    ];

    private static readonly string[] CountableOutcomes =
    [
        "certification", "certificate", "certified", "degree", "diploma", "master's", "masters", "mba", "phd", "licence", "license",
        "qualification", "exam", "promotion", "promoted", "job", "role", "position", "become", "land", "pass", "launch", "publish",
    ];

    private static readonly string[] NumberWords =
    [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "thirty", "fifty",
        "hundred", "once", "twice", "a dozen", "every week", "every month", "each week", "each month", "weekly", "monthly", "daily",
    ];

    private static readonly string[] TimePhrases =
    [
        "this year", "next year", "this month", "next month", "this quarter", "next quarter", "end of the year", "end of year",
        "by summer", "by spring", "by autumn", "by fall", "by winter", "by christmas", "by the end of", "before the end of",
        "this week", "next week", "tomorrow", "q1", "q2", "q3", "q4",
        "by monday", "by tuesday", "by wednesday", "by thursday", "by friday", "by saturday", "by sunday",
        "by the weekend", "by next", "before next", "by graduation",
    ];

    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];

    public static SmartVerdict Check(SmartInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var text = Normalize(input.Statement);
        return new SmartVerdict(
            Specific(text),
            Measurable(text, input),
            Achievable(input),
            Relevant(input),
            TimeBound(text, input, today));
    }

    private static SmartCriterion Specific(string text)
    {
        var words = Words(text);
        if (words.Count == 0)
        {
            return new(SmartStatus.NotYet, "Start with one sentence: what will be different when you reach this goal?");
        }

        var concrete = ConcreteOutcomes.Any(o => ContainsPhrase(text, o));
        var vague = VaguePhrases.FirstOrDefault(p => ContainsPhrase(text, p));
        if (vague is not null && !concrete)
        {
            return new(SmartStatus.NotYet, $"\"{vague}\" is vague — name the role, skill or result you're after, for example \"become a team lead\" or \"complete a UX course\".");
        }

        if (words.Count < 3)
        {
            return new(SmartStatus.NotYet, "Say a little more: what exactly will you do or achieve?");
        }

        if (!concrete && !ConcreteVerbs.Any(v => words.Contains(v)))
        {
            return new(SmartStatus.NotYet, "Name a concrete outcome — a role, a qualification, a project or a skill — so you'll know exactly what you're aiming for.");
        }

        return new(SmartStatus.Met, "Clear and specific — you'd know it when you see it.");
    }

    private static SmartCriterion Measurable(string text, SmartInput input)
    {
        var measure = input.Measure?.Trim();
        var target = input.Target?.Trim();
        if (!string.IsNullOrEmpty(measure) && !string.IsNullOrEmpty(target))
        {
            return new(SmartStatus.Met, $"You'll track {measure} towards {target}.");
        }

        if (!string.IsNullOrEmpty(measure))
        {
            return new(SmartStatus.NotYet, $"You'll track {measure} — now add a target, such as a number to reach.");
        }

        if (HasNumber(text))
        {
            return new(SmartStatus.Met, "There's a number to track — you'll see your progress.");
        }

        var words = Words(text);
        if (CountableOutcomes.Any(o => ContainsPhrase(text, o)) && words.Count >= 3 && !VaguePhrases.Any(p => ContainsPhrase(text, p) && !ConcreteOutcomes.Any(o => ContainsPhrase(text, o))))
        {
            return new(SmartStatus.Met, "It's a clear yes-or-no outcome — you'll know when it's done.");
        }

        return new(SmartStatus.NotYet, "Add a number you can track — how many, how much or how often (\"3 informational interviews\", \"2 courses\").");
    }

    private static SmartCriterion Achievable(SmartInput input)
    {
        if (input.Confidence is not { } confidence)
        {
            return new(SmartStatus.NeedsInput, "How confident are you, from 1 to 10, that you can do this? Be honest — it helps you plan.");
        }

        if (confidence is < 1 or > 10)
        {
            return new(SmartStatus.NotYet, "Confidence goes from 1 to 10.");
        }

        if (confidence >= ConfidentEnough)
        {
            return new(SmartStatus.Met, $"{confidence}/10 — confident enough to commit.");
        }

        return input.HasConfidencePlan
            ? new(SmartStatus.Met, $"{confidence}/10, with a plan to raise it — a stretch, and you know how you'll get there.")
            : new(SmartStatus.NotYet, $"{confidence}/10 is a stretch. What would make it a 7? Note a plan (support, time, a first step), or make the goal a little smaller.");
    }

    private static SmartCriterion Relevant(SmartInput input) => input.LinkedItems switch
    {
        null => new(SmartStatus.NeedsInput, "Link this goal to a value, interest or part of your vision — it shows why it matters to you."),
        <= 0 => new(SmartStatus.NotYet, "Which of your values, interests or vision does this serve? Linking at least one keeps the goal yours."),
        1 => new(SmartStatus.Met, "It serves something you care about."),
        var n => new(SmartStatus.Met, $"It serves {n} things you care about."),
    };

    private static SmartCriterion TimeBound(string text, SmartInput input, DateOnly today)
    {
        if (input.Deadline is { } deadline)
        {
            if (deadline <= today)
            {
                return new(SmartStatus.NotYet, "That date has already passed — choose a date in the future.");
            }

            if (input.Horizon is { } horizon && HorizonOf(deadline, today) is var fits && fits != horizon)
            {
                return new(SmartStatus.NotYet, $"A deadline on {deadline.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)} makes this a {Describe(fits)} goal — change the horizon or the date so they agree.");
            }

            return new(SmartStatus.Met, $"Deadline: {deadline.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.");
        }

        if (HasTimeFrame(text))
        {
            return new(SmartStatus.Met, "There's a time frame — set the exact deadline below so reminders can help.");
        }

        return new(SmartStatus.NotYet, "Add a date — \"by December\", \"within two years\" or an exact deadline.");
    }

    /// <summary>Which horizon a deadline falls in: under a year, one to three years, or more.</summary>
    public static GoalHorizon HorizonOf(DateOnly deadline, DateOnly today) =>
        deadline < today.AddYears(1) ? GoalHorizon.ShortTerm : deadline < today.AddYears(3) ? GoalHorizon.MediumTerm : GoalHorizon.LongTerm;

    public static string Describe(GoalHorizon horizon) => horizon switch
    {
        GoalHorizon.ShortTerm => "short-term (under a year)",
        GoalHorizon.MediumTerm => "medium-term (1–3 years)",
        _ => "long-term (3+ years)",
    };

    private static string Normalize(string? text) => Whitespace().Replace((text ?? string.Empty).ToLowerInvariant().Replace('’', '\''), " ").Trim();

    private static List<string> Words(string text) => WordPattern().Matches(text).Select(m => m.Value).ToList();

    /// <summary>
    /// Whether <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words: not preceded by a word character
    /// or an apostrophe, not followed by a word character. Plain string scanning — linear, nothing to back-track or time out.
    /// </summary>
    internal static bool ContainsPhrase(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var end = at + phrase.Length;
            if ((at == 0 || (text[at - 1] != '\'' && !IsWordChar(text[at - 1]))) && (end == text.Length || !IsWordChar(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The characters a regular expression's <c>\w</c> matches: letters, non-spacing marks, decimal digits, connectors.</summary>
    internal static bool IsWordChar(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation => true,
        _ => false,
    };

    private static bool HasNumber(string text)
    {
        // Numbers that only say *when* ("within two years", "by 2027", "in Q3") don't make a goal measurable.
        var withoutDates = WithinPattern().Replace(DatePattern().Replace(text, " "), " ");
        var withoutYears = QuarterPattern().Replace(YearPattern().Replace(withoutDates, " "), " ");
        return Digits().IsMatch(withoutYears) || NumberWords.Any(w => ContainsPhrase(withoutYears, w));
    }

    private static bool HasTimeFrame(string text) =>
        DatePattern().IsMatch(text)
        || YearPattern().IsMatch(text)
        || Months.Any(m => ContainsPhrase(text, m))
        || WithinPattern().IsMatch(text)
        || TimePhrases.Any(p => ContainsPhrase(text, p));

    /// <summary>
    /// Every pattern here reads text anyone can send, so none may back-track: a linear-time engine, no match timeout
    /// (a busy machine slows a check down instead of failing it). NonBacktracking has no lookarounds, backreferences or
    /// atomic groups; phrases are matched by <see cref="ContainsPhrase"/> instead.
    /// </summary>
    private const RegexOptions Patterns = RegexOptions.NonBacktracking;

    [GeneratedRegex(@"\s+", Patterns)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[a-z0-9']+", Patterns)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\d", Patterns)]
    private static partial Regex Digits();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b", Patterns)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b", Patterns)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\bq[1-4]\b", Patterns)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"\b(?:within|in|over|for) (?:the next )?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|few|couple of) (?:day|week|month|year|quarter)s?\b", Patterns)]
    private static partial Regex WithinPattern();
}
