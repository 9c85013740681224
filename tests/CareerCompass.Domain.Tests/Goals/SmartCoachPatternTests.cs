using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CareerCompass.Domain.Goals;
using CareerCompass.Tests.Common;
using Xunit.Abstractions;

namespace CareerCompass.Domain.Tests.Goals;

/// <summary>
/// The coach reads text anyone can send, so none of its patterns may backtrack or depend on a match timeout: a busy
/// machine must slow a check down, never make it fail.
/// </summary>
public sealed class SmartCoachPatternTests(ITestOutputHelper output)
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    public static TheoryData<string> DomainPatterns() => new(RegexAudit.HeldPatterns(typeof(SmartCoach).Assembly).Select(p => p.Name));

    [Fact]
    public void The_coach_has_patterns_to_check() =>
        Assert.Contains(RegexAudit.HeldPatterns(typeof(SmartCoach).Assembly), p => p.Name.StartsWith("SmartCoach.", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(DomainPatterns))]
    public void No_domain_pattern_can_backtrack_or_time_out(string name)
    {
        var regex = RegexAudit.HeldPatterns(typeof(SmartCoach).Assembly).Single(p => p.Name == name).Regex;
        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking), $"{name} ({regex}) should use RegexOptions.NonBacktracking.");
        Assert.Equal(Regex.InfiniteMatchTimeout, regex.MatchTimeout);
    }

    [Fact]
    public void The_domain_builds_no_pattern_while_it_runs() =>
        Assert.Empty(RegexAudit.PatternsBuiltOnTheFly(typeof(SmartCoach).Assembly));

    [Fact]
    public void Word_characters_are_those_of_a_regular_expression()
    {
        var word = new Regex(@"^\w$");
        var differ = Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i).Where(c => SmartCoach.IsWordChar(c) != word.IsMatch(c.ToString())).ToList();
        Assert.True(differ.Count == 0, $"differ on U+{string.Join(", U+", differ.Take(10).Select(c => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)))}");
    }

    [Fact]
    public void Phrases_are_found_as_whole_words_exactly_as_the_lookaround_pattern_found_them()
    {
        // The pattern the coach used before: not after a word character or an apostrophe, not before a word character.
        static bool Before(string text, string phrase) => Regex.IsMatch(text, $@"(?<![\w']){Regex.Escape(phrase)}(?![\w])");

        string[] phrases = ["grow", "get better at", "master's", "q1", "one", "a dozen", "lead"];
        string[] pieces = ["grow", "grows", "regrow", "get better at", "get better", "master's", "masters", "q1", "q12", "one", "someone", "a dozen",
            "lead", "leader", "'", "_", "-", " ", "é", "\u0301", "\u0903", "1", ".", "\ud83d\ude00", "x"];
        var random = new Random(20261122);
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (var phrase in phrases)
            {
                Assert.True(Before(text, phrase) == SmartCoach.ContainsPhrase(text, phrase), $"\"{phrase}\" in \"{text}\"");
            }
        }
    }

    public static TheoryData<string> Pathological() => new()
    {
        Repeat("a ", 2000),
        Repeat("1 ", 2000),
        Repeat("a a a 1 1 1 ", 334),
        Repeat("!", 4000),
        Repeat("?!.,;:-'\"", 445),
        Repeat("'", 4000),
        Repeat("a'", 2000),
        Repeat("in the next ", 334),
        Repeat("within 1 ", 445),
        Repeat("2024-", 800),
        Repeat("1/1.", 1000),
        Repeat("12/12/12", 500),
        Repeat("get better at ", 286),
        Repeat("master's ", 445),
        Repeat("q1q2q3q4", 500),
        Repeat(" \t\n\r", 1000),
        Repeat("\u00e9\u0301", 2000),
        Repeat("\ud83d\ude00", 2000),
        Repeat("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", 100),
        Repeat("becum cerificate comunicaton ", 138), // misspellings: every word goes through the spelling reader
        Repeat("qualificatoinn ", 267),
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void A_pathological_4000_character_statement_is_judged(string statement)
    {
        Assert.True(statement.Length >= 4000, $"only {statement.Length} characters");
        var input = new SmartInput(statement, GoalHorizon.ShortTerm, statement, statement, null, 5, 1);

        var clock = Stopwatch.StartNew();
        var verdict = SmartCoach.Check(input, Today);
        clock.Stop();
        output.WriteLine($"{clock.Elapsed.TotalMilliseconds:F1} ms for {statement.Length} characters starting \"{statement[..12]}\"");

        Assert.NotNull(verdict.Specific.Advice);
        Assert.NotNull(verdict.TimeBound.Advice);
    }

    private static string Repeat(string piece, int times) => new StringBuilder(piece.Length * times).Insert(0, piece, times).ToString();
}
