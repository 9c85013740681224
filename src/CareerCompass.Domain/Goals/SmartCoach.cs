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
/// input and "today", so it gives the same answer in the editor, the JSON endpoint and the tests. Scored against a
/// hand-labelled corpus (tests/coach-corpus; `bench coach`).
/// </summary>
public static partial class SmartCoach
{
    public const int ConfidentEnough = 7;

    /// <summary>
    /// Words that leave the goal open. They make a goal not specific; only the indefinite ones ("something") also
    /// make it unmeasurable — "maybe become a nurse" is still a yes-or-no outcome.
    /// </summary>
    private static readonly string[] Hedges =
    [
        "someday", "some day", "sometime", "maybe", "perhaps", "possibly", "hopefully", "eventually", "at some point",
        "of some kind", "some kind of", "of some sort", "some sort of", "something", "somehow",
    ];

    private static readonly string[] IndefiniteHedges = ["something", "somehow"];

    /// <summary>
    /// Vague aims and comparatives with no target. The first one found is quoted back, so longer phrases come first.
    /// A number in the goal ("grow my business to 5 clients") or a means ("by finishing a course") makes them concrete.
    /// </summary>
    private static readonly string[] VaguePhrases =
    [
        "grow in my career", "grow my career", "advance my career", "advance in my career", "progress in my career", "progress my career",
        "improve myself", "develop myself", "work on myself", "look after myself", "better myself",
        "get better at", "get better", "be a better", "become a better", "be better", "do better", "be more", "be less",
        "be happier", "be successful", "be the best", "be a good", "be good at", "be a leader", "be my own boss",
        "do well", "level up", "move up", "find my passion", "work-life balance", "figure out", "stop procrastinating",
        "learn about", "contribute to", "understand", "talk to people", "upskill", "succeed",
        "grow", "improve", "develop", "progress",
        "better", "more", "less", "fewer", "happier", "healthier", "friendlier", "nicer", "faster", "safer", "stronger",
        "calmer", "fitter", "bigger", "greater", "the best",
    ];

    /// <summary>Comparatives: vague even with a date, until there's a number to aim for.</summary>
    private static readonly string[] Comparatives =
    [
        "get better at", "get better", "be a better", "become a better", "be better", "do better", "be more", "be less", "be happier",
        "better", "more", "less", "fewer", "happier", "healthier", "friendlier", "nicer", "faster", "safer", "stronger", "calmer",
        "fitter", "bigger", "greater", "be the best", "the best", "be a good", "be good at",
    ];

    /// <summary>Verbs of change: "reduce my sick days" needs a target (by how much, or to what) before it's specific.</summary>
    private static readonly string[] ChangeVerbs = ["increase", "reduce", "cut", "raise", "lower", "boost", "decrease", "grow", "improve"];

    private static readonly string[] Owners = ["my", "the", "our", "their", "his", "her"];

    /// <summary>Verbs that stop being vague when they make something: "develop a new induction pack".</summary>
    private static readonly string[] MakingVerbs = ["develop", "grow"];

    /// <summary>
    /// Broad changes of situation: a yes-or-no outcome (measurable) but not specific until the goal says what kind or
    /// where ("get a job as a dental receptionist", "change careers from retail to teaching").
    /// </summary>
    private static readonly string[] BroadChanges =
    [
        "get a job", "find a job", "find a new job", "get a new job", "find work", "change jobs", "change careers", "change career",
        "get into university", "go back to school", "go back to work", "return to work", "go back to college", "work in",
        "apply for jobs", "send out applications", "prepare for interviews",
    ];

    private static readonly string[] BroadDetail = ["as", "at", "in", "into", "to", "from", "with", "for"];

    /// <summary>Broad changes that still aren't something you'd tick off: no count, no yes-or-no.</summary>
    private static readonly string[] UncountedActivities = ["apply for jobs", "send out applications", "prepare for interviews"];

    private static readonly string[] ConcreteOutcomes =
    [
        "manager", "lead", "leader", "head of", "director", "engineer", "developer", "designer", "analyst", "scientist", "nurse", "teacher",
        "consultant", "researcher", "architect", "specialist", "coordinator", "officer", "supervisor", "owner", "founder", "freelance",
        "certification", "certificate", "certified", "degree", "diploma", "master's", "masters", "mba", "phd", "licence", "license", "qualification",
        "course", "courses", "bootcamp", "exam", "promotion", "promoted", "raise", "salary", "job", "role", "position", "interview", "interviews",
        "portfolio", "project", "projects", "business", "clients", "customers", "talk", "talks", "article", "articles", "book", "books",
        "mentor", "mentee", "network", "contacts", "connections", "language", "spanish", "french", "german", "english", "python", "excel",
        "sql", "public speaking", "presentation", "presentations", "team", "marathon", "application", "applications", "cv", "resume",
        "part-time", "full-time", "apprenticeship", "website", "podcast", "nvq", "btec", "gcse", "pgce", "dissertation",
    ];

    private static readonly string[] ConcreteVerbs =
    [
        "become", "complete", "finish", "earn", "get", "land", "pass", "publish", "launch", "start", "build", "lead", "run", "apply",
        "attend", "write", "read", "learn", "speak", "present", "save", "hire", "join", "open", "ship", "teach", "train", "mentor", "meet",
        "contact", "enrol", "enroll", "register", "submit", "move", "switch", "transition", "take", "increase", "reduce", "cut", "double",
        "halve", "triple", "raise", "lower", "connect", "shadow", "hold", "sell", "win", "price", "mark", "call", "visit", "support", "fix",
        "post", "cook", "upsell", "keep", "spend", "walk", "automate", "redesign", "create", "enter", "reach", "observe", "plan", "record",
        "quote", "sign", "try", "volunteer", "give", "do", "have", "go", "work", "leave", "clear", "resolve", "hit", "negotiate", "qualify",
        "study", "solve", "practise", "practice", "pour", "serve", "update", "send", "make", "find", "set", "change", "return", "drive",
        "ask", "design", "code", "deploy", "organise", "organize", "host", "coach", "exercise", "cycle", "swim", "develop", "grow", "improve",
        "recruit", "interview", "shortlist", "volunteer", "tutor", "supervise", "manage", "close", "finalise", "deliver", "prepare",
    ];

    /// <summary>Verbs whose object is a yes-or-no outcome when it's a particular thing: "find a mentor", "run the bar on my own".</summary>
    private static readonly string[] CompletionVerbs =
    [
        "become", "complete", "finish", "earn", "land", "pass", "publish", "launch", "open", "start", "attend", "give", "present", "update",
        "build", "write", "sign", "enter", "lead", "find", "run", "ship", "submit", "register", "enrol", "enroll", "join", "hire", "move",
        "switch", "return", "go", "get", "win", "record", "host", "organise", "organize", "create", "design", "make", "ask", "negotiate",
        "develop", "qualify", "deliver", "close",
    ];

    private static readonly string[] Particular =
    [
        "a", "an", "the", "my", "our", "one", "first", "second", "new", "own", "into", "to", "from", "back", "for", "up", "as", "freelance",
        "promoted", "part-time", "full-time", "part", "full", "hired", "qualified", "certified", "self-employed",
    ];

    private static readonly string[] CountableOutcomes =
    [
        "certification", "certificate", "certified", "degree", "diploma", "master's", "masters", "mba", "phd", "licence", "license",
        "qualification", "qualified", "exam", "promotion", "promoted", "job", "role", "position", "raise", "pay rise", "distinction",
        "apprenticeship", "course", "module", "registration", "nvq", "btec", "gcse", "pgce", "dissertation", "competency",
        "part-time", "full-time", "freelance", "self-employed", "be my own boss", "switch careers", "switch jobs", "move into", "get into",
    ];

    private static readonly string[] NumberWords =
    [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty",
        "forty", "fifty", "hundred", "thousand", "once", "twice", "a dozen", "half", "halve", "double", "triple", "zero", "every",
    ];

    private static readonly string[] Ordinals = ["first", "second", "third"];

    private static readonly string[] TimePhrases =
    [
        "this year", "next year", "this month", "next month", "this quarter", "next quarter", "end of the year", "end of year", "year end",
        "by summer", "by spring", "by autumn", "by fall", "by winter", "by christmas", "by the end of", "before the end of",
        "this week", "next week", "tomorrow", "today", "tonight", "q1", "q2", "q3", "q4",
        "by monday", "by tuesday", "by wednesday", "by thursday", "by friday", "by saturday", "by sunday",
        "by the weekend", "by next", "before next", "by graduation", "this term", "next term", "end of term", "end of the term",
        "school year", "academic year", "financial year", "tax year", "spring", "summer", "autumn", "winter", "the fall", "this fall",
        "christmas", "easter", "new year", "half-term", "half term",
    ];

    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];

    /// <summary>What the words say, read once and shared by the criteria.</summary>
    private sealed record Reading(
        string Original,
        string Lower,
        string Text,
        List<string> Words,
        bool AboutNow,
        string? Hedge,
        string? Vague,
        bool Comparative,
        string? Broad,
        bool Counted,
        bool Rhythm,
        bool Outcome);

    public static SmartVerdict Check(SmartInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var reading = Read(input.Statement);
        return new SmartVerdict(
            Specific(reading),
            Measurable(reading, input),
            Achievable(input),
            Relevant(input),
            TimeBound(reading, input, today));
    }

    private static Reading Read(string? statement)
    {
        var original = Whitespace().Replace((statement ?? string.Empty).Replace('’', '\''), " ").Trim();
        var lower = original.ToLowerInvariant();
        var text = Spelling.Correct(lower);
        var words = Words(text);
        var counts = CountsIn(text);
        var counted = Digits().IsMatch(counts) || NumberWords.Any(w => ContainsPhrase(counts, w));
        var rhythm = FrequencyPattern().IsMatch(counts) || FrequencyWords().IsMatch(counts);
        var hedge = Hedges.FirstOrDefault(h => ContainsPhrase(text, h)) ?? (text.StartsWith("one day", StringComparison.Ordinal) ? "one day" : null);
        var byMeans = MeansPattern().IsMatch(text);
        var vague = VaguePhrases.FirstOrDefault(p => ContainsPhrase(text, p) && !Makes(text, p))
            ?? ChangeVerbs.FirstOrDefault(v => Owners.Any(o => ContainsPhrase(text, v + " " + o)));
        if (vague is not null && (counted || byMeans))
        {
            vague = null;
        }

        var broad = BroadChanges.FirstOrDefault(p => ContainsPhrase(text, p));
        if (broad is not null && (counted || Detailed(text, broad)))
        {
            broad = null;
        }

        var outcome = CountableOutcomes.Any(o => ContainsPhrase(text, o))
            || BroadChanges.Any(p => ContainsPhrase(text, p) && !UncountedActivities.Contains(p))
            || Ordinals.Any(o => ContainsPhrase(text, o))
            || CompletionVerbs.Any(v => Particular.Any(d => ContainsPhrase(text, v + " " + d)));
        var aboutNow = AboutNowPattern().IsMatch(text) && !Intentions().IsMatch(text);
        return new Reading(original, lower, text, words, aboutNow, hedge, vague, vague is not null && (Comparatives.Contains(vague) || ChangeVerbs.Contains(vague)), broad, counted, rhythm, outcome);
    }

    /// <summary>"develop a new induction pack", "grow a second salon": the verb makes something, so it isn't vague.</summary>
    private static bool Makes(string text, string phrase) =>
        MakingVerbs.Contains(phrase) && (ContainsPhrase(text, phrase + " a") || ContainsPhrase(text, phrase + " an") || ContainsPhrase(text, phrase + " the"));

    /// <summary>Whether a broad change says what kind or where, after the phrase: "get a job in a hospital pharmacy".</summary>
    private static bool Detailed(string text, string phrase)
    {
        var at = text.IndexOf(phrase, StringComparison.Ordinal);
        var rest = " " + text[(at + phrase.Length)..] + " ";
        return BroadDetail.Any(d => ContainsPhrase(rest, d));
    }

    private static SmartCriterion Specific(Reading r)
    {
        if (r.Words.Count == 0)
        {
            return new(SmartStatus.NotYet, "Start with one sentence: what will be different when you reach this goal?");
        }

        if (r.AboutNow)
        {
            return new(SmartStatus.NotYet, "That's where you are now — a good place to start. What would you like to be different? For example \"become a senior carer within a year\".");
        }

        if (r.Hedge is not null)
        {
            var at = r.Lower.Length == r.Original.Length ? r.Lower.IndexOf(r.Hedge, StringComparison.Ordinal) : -1;
            var settled = at < 0 ? string.Empty : Whitespace().Replace(r.Original.Remove(at, r.Hedge.Length), " ").Trim(' ', ',', '.', '!');
            return IndefiniteHedges.Contains(r.Hedge) || r.Hedge.Contains("kind", StringComparison.Ordinal) || r.Hedge.Contains("sort", StringComparison.Ordinal) || settled.Length is < 5 or > 60
                ? new(SmartStatus.NotYet, $"\"{r.Hedge}\" leaves it open. Name the one you'd pick — a role, a course or a result. You can always change it later.")
                : new(SmartStatus.NotYet, $"\"{r.Hedge}\" leaves it open. Try saying it as if it's settled: \"{settled}\". You can always change it later.");
        }

        if (r.Vague is not null && r.Comparative)
        {
            var own = OwnWords(r) is { } words ? $"\"{words}\"" : "it";
            return new(SmartStatus.NotYet, $"\"{r.Vague}\" is vague until it has a target. What would {own} look like when you've got there — how much, how many or how often? For example \"reduce overtime to under 5 hours a week\" or \"lead one team meeting a month\".");
        }

        if (r.Vague is not null)
        {
            var own = OwnWords(r) is { } words ? $" What would \"{words}\" look like when it's done?" : " What would it look like when it's done?";
            return new(SmartStatus.NotYet, $"\"{r.Vague}\" is vague.{own} Name the role, skill or result you're after, for example \"become a team lead\" or \"complete a UX course\".");
        }

        if (r.Broad is not null)
        {
            return new(SmartStatus.NotYet, $"\"{r.Broad}\" could mean lots of things. Add what kind, where or how many — for example \"{r.Broad} as a dental receptionist\" or \"{r.Broad} in a hospital\".");
        }

        if (r.Words.Count < 2)
        {
            return new(SmartStatus.NotYet, "Say a little more: what exactly will you do or achieve?");
        }

        if (!r.Counted && !ConcreteOutcomes.Any(o => ContainsPhrase(r.Text, o)) && !ConcreteVerbs.Any(v => r.Words.Contains(v)))
        {
            return new(SmartStatus.NotYet, "Name a concrete outcome — a role, a qualification, a project or a skill — so you'll know exactly what you're aiming for.");
        }

        return new(SmartStatus.Met, "Clear and specific — you'd know it when you see it.");
    }

    /// <summary>The person's own statement, to quote back in advice, when it's short enough to read in one go.</summary>
    private static string? OwnWords(Reading r) => r.Original.TrimEnd('.', '!') is { Length: > 0 and <= 60 } words ? words : null;

    private static SmartCriterion Measurable(Reading r, SmartInput input)
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

        if (r.AboutNow)
        {
            return new(SmartStatus.NotYet, "Add a number you can track for where you want to get to — your age or years of experience describe where you are now.");
        }

        if (r.Vague is not null && !CountableOutcomes.Contains(r.Vague))
        {
            return new(SmartStatus.NotYet, $"Add a number you can track — what would \"{OwnWords(r) ?? r.Vague}\" look like in numbers? How many, how much or how often?");
        }

        if (r.Hedge is not null && IndefiniteHedges.Contains(r.Hedge))
        {
            return new(SmartStatus.NotYet, $"Add a number you can track — once \"{r.Hedge}\" has a name, how many, how much or how often?");
        }

        if (r.Counted)
        {
            return new(SmartStatus.Met, "There's a number to track — you'll see your progress.");
        }

        if (r.Rhythm)
        {
            return new(SmartStatus.Met, "There's a rhythm to keep — you'll see each time you do it.");
        }

        if (r.Outcome && r.Words.Count >= 2)
        {
            return new(SmartStatus.Met, "It's a clear yes-or-no outcome — you'll know when it's done.");
        }

        if (r.Words.Count > 0 && r.Words[0] == "learn" && r.Words.Count <= 6)
        {
            return new(SmartStatus.NotYet, $"Add a number you can track — how will you know you've done \"{OwnWords(r) ?? r.Text}\"? A level, an exam, or how often you'll practise.");
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

    private static SmartCriterion TimeBound(Reading r, SmartInput input, DateOnly today)
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

        if (HasTimeFrame(r.Text))
        {
            return new(SmartStatus.Met, "There's a time frame — set the exact deadline below so reminders can help.");
        }

        if (r.Hedge is "someday" or "some day" or "one day" or "sometime" or "eventually" or "at some point")
        {
            return new(SmartStatus.NotYet, $"Add a date — \"{r.Hedge}\" can keep slipping away. Even a rough one helps: \"by December\" or \"within two years\".");
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

    /// <summary>
    /// The text with every number that is not a measure taken out: dates, years, quarters, time frames ("within two
    /// years"), times of day, and numbers about the person now (an age, years of experience, "I have 2 goals").
    /// </summary>
    private static string CountsIn(string text)
    {
        var rest = DatePattern().Replace(text, " ");
        rest = WithinPattern().Replace(rest, " ");
        rest = YearPattern().Replace(rest, " ");
        rest = QuarterPattern().Replace(rest, " ");
        rest = TimeOfDay().Replace(rest, " ");
        rest = AboutMeNumbers().Replace(rest, " ");
        if (PastPattern().IsMatch(rest))
        {
            rest = ForYears().Replace(rest, " ");
        }

        return rest;
    }

    private static bool HasTimeFrame(string text)
    {
        var rest = PastPattern().IsMatch(text) ? ForYears().Replace(text, " ") : text;
        rest = AboutMeNumbers().Replace(rest, " ");
        return DatePattern().IsMatch(rest)
            || YearPattern().IsMatch(rest)
            || Months.Any(m => ContainsPhrase(rest, m))
            || WithinPattern().IsMatch(rest)
            || DurationPattern().IsMatch(rest)
            || TimePhrases.Any(p => ContainsPhrase(rest, p))
            || FrequencyPattern().IsMatch(rest)
            || (FrequencyWords().IsMatch(rest) && !RateOfAMeasure().IsMatch(rest))
            || NextPattern().IsMatch(rest)
            || EventPattern().IsMatch(rest);
    }

    /// <summary>
    /// Every pattern here reads text anyone can send, so none may back-track: a linear-time engine, no match timeout
    /// (a busy machine slows a check down instead of failing it). NonBacktracking has no lookarounds, backreferences or
    /// atomic groups; phrases are matched by <see cref="ContainsPhrase"/> instead.
    /// </summary>
    private const RegexOptions Patterns = RegexOptions.NonBacktracking;

    private const string Numbers = @"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|few|couple of)";

    private const string Periods = "(?:day|week|fortnight|month|year|quarter|term|semester|shift|sprint|morning|evening|night|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?";

    /// <summary>What recurs "every" or "each" time without being a stretch of time: "every visit", "each team meeting".</summary>
    private const string Occasions = "(?:lesson|visit|meeting|session|class|appointment|round)s?";

    [GeneratedRegex(@"\s+", Patterns)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[a-z0-9']+", Patterns)]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\d", Patterns)]
    private static partial Regex Digits();

    [GeneratedRegex(@"\b(?:19|20)\d\d\b", Patterns)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b|\b\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2}(?:st|nd|rd|th)?\b", Patterns)]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\bq[1-4]\b", Patterns)]
    private static partial Regex QuarterPattern();

    [GeneratedRegex(@"\b(?:(?:within|in|over|by) (?:the next )?|(?:for|over) the next )" + Numbers + @" (?:day|week|month|year|quarter)s?\b", Patterns)]
    private static partial Regex WithinPattern();

    /// <summary>Durations: "for 6 months", "within 48 hours".</summary>
    [GeneratedRegex(@"\b(?:for|within|in) (?:the next )?" + Numbers + @" (?:hour|day|week|month|year|quarter)s?\b", Patterns)]
    private static partial Regex DurationPattern();

    /// <summary>Frequencies: "every two weeks", "3 times a week", "each shift", "once a term", "a week".</summary>
    [GeneratedRegex(@"\b(?:every|each|per) (?:other |single )?(?:(?:\d+|two|three|four|five|six) )?(?:[a-z-]+ )?(?:" + Periods + "|" + Occasions + @")\b|\b(?:a|an) " + Periods + @"\b", Patterns)]
    private static partial Regex FrequencyPattern();

    [GeneratedRegex(@"\b(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annually|nightly)\b", Patterns)]
    private static partial Regex FrequencyWords();

    /// <summary>"monthly sales", "weekly income": the frequency belongs to the measure, not to when it's done.</summary>
    [GeneratedRegex(@"\b(?:daily|weekly|monthly|yearly|annual) (?:sales|income|spending|spend|revenue|budget|take-home|salary|pay|rent|target|turnover|bills)\b", Patterns)]
    private static partial Regex RateOfAMeasure();

    [GeneratedRegex(@"\bnext (?:[a-z-]+ )?(?:day|week|month|quarter|year|term|semester|meeting|review|appraisal|interview|exam|intake|season|spring|summer|autumn|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b", Patterns)]
    private static partial Regex NextPattern();

    /// <summary>A dated event in someone's calendar: "until my exam", "before my review".</summary>
    [GeneratedRegex(@"\b(?:until|before|by|at|after) (?:my|the|our|this) (?:[a-z-]+ )?(?:exam|exams|review|appraisal|interview|deadline|graduation|probation|induction|conference)\b", Patterns)]
    private static partial Regex EventPattern();

    [GeneratedRegex(@"\b\d{1,2}(?::\d\d)? ?(?:am|pm)\b|\b\d{1,2}:\d\d\b", Patterns)]
    private static partial Regex TimeOfDay();

    /// <summary>Numbers about the person now: "I'm 28", "aged 40", "at 52 I…", "5 years of experience", "I have 2 goals", "after 20 years".</summary>
    [GeneratedRegex(@"\b(?:i'm|i am|aged|age) \d+\b|^at \d+\b|\b\d+ years? (?:old|of experience|experience)\b|\b(?:i have|i've|i've got|i have got) (?:\d+|two|three|four|five|six|seven|eight|nine|ten)\b|\b(?:after|with) (?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty) years?\b|\bone of (?:them|these|those|my)\b", Patterns)]
    private static partial Regex AboutMeNumbers();

    [GeneratedRegex(@"\b(?:i've been|i have been|i've worked|i have worked|i worked|i was|i've had|i have had)\b", Patterns)]
    private static partial Regex PastPattern();

    [GeneratedRegex(@"\bfor (?:\d+|two|three|four|five|six|seven|eight|nine|ten|twenty) years?\b", Patterns)]
    private static partial Regex ForYears();

    /// <summary>A statement that only describes the person now: "I am 45", "I have worked in nursing for 15 years".</summary>
    [GeneratedRegex(@"^(?:i am|i'm|i have|i've|i was|i work|i worked|at \d+|after \d+|with \d+)\b", Patterns)]
    private static partial Regex AboutNowPattern();

    [GeneratedRegex(@"\b(?:want|wants|would like|i'd like|goal|goals|hope|plan to|aim|going to|will|need to|wish)\b", Patterns)]
    private static partial Regex Intentions();

    /// <summary>A means that makes a vague aim concrete: "improve my Excel skills by finishing an advanced course".</summary>
    [GeneratedRegex(@"\bby [a-z]+ing\b", Patterns)]
    private static partial Regex MeansPattern();

    /// <summary>
    /// Reads common misspellings as the words the coach knows ("becum" → "become", "decembr" → "december"), so a typo
    /// doesn't change the verdict. Only words of five letters or more that the coach doesn't already know, only to a
    /// word with the same first letter, one edit away (two when the first three letters agree and the word doesn't
    /// end like an English inflection).
    /// </summary>
    private static class Spelling
    {
        private static readonly HashSet<string> Known = BuildKnown();

        private static readonly string[] Inflections = ["ing", "ed", "er", "es", "s", "ly"];

        private static HashSet<string> BuildKnown()
        {
            var known = new HashSet<string>(StringComparer.Ordinal);
            foreach (var list in new[] { Hedges, VaguePhrases, BroadChanges, ConcreteOutcomes, ConcreteVerbs, CompletionVerbs, CountableOutcomes, NumberWords, TimePhrases, Months })
            {
                foreach (var phrase in list)
                {
                    foreach (var word in phrase.Split(' ', '-', '\''))
                    {
                        known.Add(word);
                    }
                }
            }

            return known;
        }

        public static string Correct(string text) => LetterWord().Replace(text, m => Fix(m.Value));

        private static string Fix(string word)
        {
            if (word.Length < 5 || word.Length > 20 || Known.Contains(word))
            {
                return word;
            }

            var inflected = Inflections.Any(i => word.EndsWith(i, StringComparison.Ordinal));
            if (Inflections.Any(i => word.EndsWith(i, StringComparison.Ordinal) && Known.Contains(word[..^i.Length])))
            {
                return word;
            }

            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in Known)
            {
                if (candidate.Length < 5 || candidate[0] != word[0] || Math.Abs(candidate.Length - word.Length) > 2)
                {
                    continue;
                }

                var allowed = !inflected && candidate.Length >= 5 && string.CompareOrdinal(candidate, 0, word, 0, 3) == 0 ? 2 : 1;
                var distance = Distance(word, candidate, allowed);
                if (distance <= allowed && distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            return best ?? word;
        }

        /// <summary>Edit distance (with swaps of neighbours), giving up once it's past <paramref name="limit"/>.</summary>
        private static int Distance(string a, string b, int limit)
        {
            var previous2 = new int[b.Length + 1];
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                var rowMin = current[0];
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        value = Math.Min(value, previous2[j - 2] + 1);
                    }

                    current[j] = value;
                    rowMin = Math.Min(rowMin, value);
                }

                if (rowMin > limit)
                {
                    return rowMin;
                }

                (previous2, previous, current) = (previous, current, previous2);
            }

            return previous[b.Length];
        }
    }

    [GeneratedRegex(@"[a-z]+", Patterns)]
    private static partial Regex LetterWord();
}
