using System.Text.RegularExpressions;
using CareerCompass.Domain.Reflection;
using CareerCompass.Tests.Common;
using CareerCompass.Web.Infrastructure.Email;
using ReflectionOptions = CareerCompass.Web.Pages.Reflection.Options;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>
/// Text from outside (forms, the JSON API, e-mail bodies built around people's input) must never meet a pattern that
/// back-tracks or depends on a match timeout: under load a timeout turns a slow request into a failed one.
/// </summary>
public sealed class RegexPatternTests
{
    public static TheoryData<string> WebPatterns() => new(RegexAudit.HeldPatterns(typeof(EmailSender).Assembly).Select(p => p.Name));

    [Theory]
    [MemberData(nameof(WebPatterns))]
    public void No_web_pattern_can_backtrack_or_time_out(string name)
    {
        var regex = RegexAudit.HeldPatterns(typeof(EmailSender).Assembly).Single(p => p.Name == name).Regex;
        Assert.True(regex.Options.HasFlag(RegexOptions.NonBacktracking), $"{name} ({regex}) should use RegexOptions.NonBacktracking.");
        Assert.Equal(Regex.InfiniteMatchTimeout, regex.MatchTimeout);
    }

    [Fact]
    public void The_web_app_builds_no_pattern_while_it_runs() =>
        Assert.Empty(RegexAudit.PatternsBuiltOnTheFly(typeof(EmailSender).Assembly));

    [Theory]
    [InlineData("15-1252.00", true)]
    [InlineData("11-1011.03", true)]
    [InlineData("15-1252.0", false)]
    [InlineData("151252.00", false)]
    [InlineData("15-1252.00 ", false)]
    [InlineData("", false)]
    public void Occupation_codes_are_checked_as_before(string code, bool valid)
    {
        var answers = new OptionsAnswers { Options = [new CareerOption { Title = "Developer", OccupationCode = code }] };
        Assert.Equal(valid, new ReflectionOptions.Validator().Validate(answers).IsValid);
    }
}
