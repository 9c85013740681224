using System.Net;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Reflection;

public sealed class OccupationSuggestionTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private const string Items = "#suggest-title ~ ul > li";

    private static readonly string[] UpToSomePreparation = ["Little preparation", "Some preparation"];

    private static List<string> Codes(WebPage page) =>
        page.Document.QuerySelectorAll($"{Items} a.fw-semibold")
            .Select(a => new Uri(new Uri("http://localhost"), a.GetAttribute("href")!).AbsolutePath.Split('/')[^1]).ToList();

    private static List<string> Levels(WebPage page) =>
        page.Document.QuerySelectorAll($"{Items} .small.text-body-secondary").Select(s => s.TextContent.Split('·')[0].Trim()).ToList();

    private static async Task PickValuesAsync(TestBrowser browser, params string[] keys)
    {
        var form = await browser.GetAsync("/Reflection/Values");
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Version", Guid.Empty.ToString()), new("PickedPresent", "true"),
        };
        fields.AddRange(keys.Select(k => new KeyValuePair<string, string>("Picked", k)));
        var saved = await browser.PostAsync("/Reflection/Values?handler=Save", fields);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
    }

    private async Task<TestBrowser> CaringPersonAsync()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        await OccupationTests.RateExplorerAsync(browser);
        await PickValuesAsync(browser, "helping-others", "autonomy");
        return browser;
    }

    [Fact]
    public async Task Each_suggestion_says_why_it_fits_in_plain_words()
    {
        using var browser = await CaringPersonAsync();
        var page = await browser.GetAsync("/Reflection/Occupations");

        var reasons = page.Document.QuerySelectorAll($"{Items} .suggestion-why").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(10, reasons.Count);
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace(r)));
        Assert.Contains(reasons, r => r.StartsWith("You enjoy helping people", StringComparison.Ordinal) || r.StartsWith("This work centres on helping people", StringComparison.Ordinal));
        HtmlChecks.AssertWellFormedAndLabelled(page);
    }

    [Fact]
    public async Task A_caring_persons_list_is_varied_and_led_by_the_best_fit()
    {
        using var browser = await CaringPersonAsync();
        var page = await browser.GetAsync("/Reflection/Occupations");

        var codes = Codes(page);
        Assert.Equal(10, codes.Count);
        Assert.All(codes.GroupBy(c => c[..4]), g => Assert.True(g.Count() <= 3, $"{g.Count()} suggestions from {g.Key}"));
        Assert.True(codes.Count(c => c.StartsWith("25-1", StringComparison.Ordinal)) <= 3);
    }

    [Fact]
    public async Task The_preparation_answer_is_saved_changes_the_list_and_survives_step_seven()
    {
        using var browser = await CaringPersonAsync();
        var before = await browser.GetAsync("/Reflection/Occupations");
        Assert.Contains("Extensive preparation", Levels(before));

        var saved = await browser.SubmitAsync(before, "form[action*='handler=Preparation']", new Dictionary<string, string>
        {
            ["moreStudy"] = "OnTheJob",
            ["studyNow"] = "School",
        });

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("your suggestions now take that into account", saved.Text, StringComparison.Ordinal);
        Assert.Equal("OnTheJob", saved.Document.QuerySelector("#moreStudy option[selected]")!.GetAttribute("value"));
        Assert.Equal("School", saved.Document.QuerySelector("#studyNow option[selected]")!.GetAttribute("value"));
        var levels = Levels(saved);
        Assert.Equal(10, levels.Count);
        Assert.All(levels, l => Assert.Contains(l, UpToSomePreparation));
        Assert.NotEqual(Codes(before), Codes(saved));

        var options = await browser.GetAsync("/Reflection/Options");
        await browser.SubmitAsync(options, "form[data-autosave]");
        var later = await browser.GetAsync("/Reflection/Occupations");
        Assert.Equal("OnTheJob", later.Document.QuerySelector("#moreStudy option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Asking_for_a_level_beyond_the_preparation_chosen_still_shows_it_and_says_so()
    {
        using var browser = await CaringPersonAsync();
        var page = await browser.GetAsync("/Reflection/Occupations");
        await browser.SubmitAsync(page, "form[action*='handler=Preparation']", new Dictionary<string, string> { ["moreStudy"] = "Course", ["studyNow"] = "NotSaid" });

        var five = await browser.GetAsync("/Reflection/Occupations?zone=5");

        Assert.All(Levels(five), l => Assert.Equal("Extensive preparation", l));
        Assert.All(five.Document.QuerySelectorAll($"{Items} .suggestion-why"), p => Assert.Contains("more preparation than you said you'd take on", p.TextContent, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Banana", "School")]
    [InlineData("7", "School")]
    [InlineData("OnTheJob", "")]
    [InlineData("", "")]
    public async Task An_unknown_preparation_choice_gets_a_clear_message_and_changes_nothing(string moreStudy, string studyNow)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync("/Reflection/Occupations");
        await OccupationTests.RateExplorerAsync(browser);
        page = await browser.GetAsync("/Reflection/Occupations");

        var answer = await browser.SubmitAsync(page, "form[action*='handler=Preparation']", new Dictionary<string, string> { ["moreStudy"] = moreStudy, ["studyNow"] = studyNow });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("We didn't recognise that choice", answer.Text, StringComparison.Ordinal);
        Assert.Equal("NotSure", answer.Document.QuerySelector("#moreStudy option[selected]")!.GetAttribute("value"));
        browser.Dispose();
    }

    [Theory]
    [InlineData("Banana")]
    [InlineData("99")]
    public async Task A_tampered_preparation_field_on_step_seven_gets_a_message_not_an_error(string value)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var options = await browser.GetAsync("/Reflection/Options");

        var page = await browser.SubmitAsync(options, "form[data-autosave]", new Dictionary<string, string> { ["Input.MoreStudy"] = value });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotEmpty(page.Errors);
        browser.Dispose();
    }

    [Fact]
    public async Task A_named_option_brings_close_occupations_with_the_reason()
    {
        using var browser = await CaringPersonAsync();
        var nurse = await browser.GetAsync("/Reflection/Occupations/29-1141.00");
        await browser.SubmitAsync(nurse, "form[action*='handler=Add']");

        var page = await browser.GetAsync("/Reflection/Occupations");

        Assert.DoesNotContain("29-1141.00", Codes(page));
        Assert.Contains(page.Document.QuerySelectorAll($"{Items} .suggestion-why"), p => p.TextContent.Contains("It's close to Registered Nurses, which you're already considering.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Suggestions_cost_no_more_statements_than_a_page_without_them()
    {
        var (empty, _) = await app.NewSignedInPersonAsync();
        using var caring = await CaringPersonAsync();
        var page = await caring.GetAsync("/Reflection/Occupations");
        await caring.SubmitAsync(page, "form[action*='handler=Preparation']", new Dictionary<string, string> { ["moreStudy"] = "Degree", ["studyNow"] = "School" });
        await empty.GetAsync("/Reflection/Occupations");

        app.Queries.Reset();
        var none = await empty.GetAsync("/Reflection/Occupations");
        var withoutSuggestions = app.Queries.Count;
        app.Queries.Reset();
        var full = await caring.GetAsync("/Reflection/Occupations");
        var withSuggestions = app.Queries.Count;

        Assert.Contains("Finish the interest explorer", none.Text, StringComparison.Ordinal);
        Assert.Equal(10, Codes(full).Count);
        Assert.Equal(withoutSuggestions, withSuggestions);
        empty.Dispose();
    }
}
