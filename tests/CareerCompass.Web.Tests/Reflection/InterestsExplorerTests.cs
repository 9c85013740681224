using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Reflection;

/// <summary>The interest explorer on the Interests step: 30 activities, and the result in plain words.</summary>
public sealed class InterestsExplorerTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private const string StepForm = "form[data-autosave]";
    private const string Save = "/Reflection/Interests?handler=Save";

    private static readonly string[] OriginalIds =
        ["r1", "r2", "r3", "i1", "i2", "i3", "a1", "a2", "a3", "s1", "s2", "s3", "e1", "e2", "e3", "c1", "c2", "c3"];

    private static string Result(WebPage page) => page.Document.QuerySelector("[data-explorer-result]")!.TextContent.Trim();

    [Fact]
    public async Task Every_activity_is_a_labelled_group_of_five_ratings_inside_its_area()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync("/Reflection/Interests");

        HtmlChecks.AssertWellFormedAndLabelled(page);
        var areas = page.Document.QuerySelectorAll("[data-explorer] > fieldset[data-area]");
        Assert.Equal(6, areas.Length);
        Assert.Equal("Social: helping people", areas[3].QuerySelector("legend")!.TextContent.Trim());
        var activities = page.Document.QuerySelectorAll("[data-explorer] fieldset fieldset");
        Assert.True(activities.Length >= 30);
        Assert.Equal(Riasec.Activities.Select(a => a.Text), activities.Select(f => f.QuerySelector("legend")!.TextContent.Trim()));
        Assert.All(activities, f => Assert.Equal(5, f.QuerySelectorAll("input[type=radio]").Length));
        Assert.All(areas, a => Assert.Equal(5, a.QuerySelectorAll("fieldset").Length));
        browser.Dispose();
    }

    [Fact]
    public async Task The_result_sits_in_a_polite_live_region_and_the_script_is_an_external_file()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync("/Reflection/Interests");

        var result = page.Document.QuerySelector("[data-explorer-result]")!;
        Assert.Equal("polite", result.GetAttribute("aria-live"));
        Assert.Equal("Rate a few activities and you'll see here which areas you lean towards.", Result(page));
        Assert.Contains(page.Document.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/interest-explorer", StringComparison.Ordinal));
        Assert.DoesNotContain(page.Document.QuerySelectorAll("script"), s => !s.HasAttribute("src"));
        browser.Dispose();
    }

    [Fact]
    public async Task Rating_every_activity_shows_the_result_in_plain_words_after_saving()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        await OccupationTests.RateExplorerAsync(browser);

        var saved = await browser.GetAsync("/Reflection/Interests");

        Assert.Equal("You lean towards helping people (Social), working things out (Investigative) and creating and expressing (Artistic). That's SIA for short.", Result(saved));
        Assert.Equal(Riasec.Activities.Count, saved.Document.QuerySelectorAll("[data-explorer] input[type=radio]:checked").Length);
        HtmlChecks.AssertWellFormedAndLabelled(saved);

        var summary = await browser.GetAsync("/Reflection/Summary");
        Assert.Contains("Leans towards helping people (Social), working things out (Investigative) and creating and expressing (Artistic). That's SIA for short.", summary.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task A_few_ratings_show_what_you_lean_towards_so_far()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Reflection/Interests");
        var index = Riasec.Activities.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i);

        await browser.SubmitAsync(form, StepForm, new Dictionary<string, string>
        {
            [$"Input.Explorer[{index["c4"]}].Rating"] = "5",
            [$"Input.Explorer[{index["r2"]}].Rating"] = "2",
        }, action: Save);
        var saved = await browser.GetAsync("/Reflection/Interests");

        Assert.Equal("So far you lean towards organising (Conventional) and making things work (Realistic). Rate at least one activity in every area to see your top three.", Result(saved));
        var summary = await browser.GetAsync("/Reflection/Summary");
        Assert.Contains("The interest explorer isn't finished yet.", summary.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Someone_who_rated_the_original_activities_keeps_their_ratings_and_sees_the_new_ones_unrated()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Reflection/Interests");
        var ratings = Riasec.Activities.Select((a, i) => (a, i)).Where(x => OriginalIds.Contains(x.a.Id))
            .ToDictionary(x => $"Input.Explorer[{x.i}].Rating", x => x.a.Area == RiasecArea.Enterprising ? "5" : x.a.Area == RiasecArea.Conventional ? "4" : "1");
        await browser.SubmitAsync(form, StepForm, ratings, action: Save);

        var page = await browser.GetAsync("/Reflection/Interests");

        foreach (var activity in Riasec.Activities)
        {
            var checkedRating = page.Document.QuerySelector($"input[id^='activity-{activity.Id}-']:checked")?.GetAttribute("value");
            Assert.Equal(OriginalIds.Contains(activity.Id) ? (activity.Area == RiasecArea.Enterprising ? "5" : activity.Area == RiasecArea.Conventional ? "4" : "1") : null, checkedRating);
        }

        Assert.StartsWith("You lean towards leading and persuading (Enterprising), organising (Conventional) and making things work (Realistic).", Result(page), StringComparison.Ordinal);
        browser.Dispose();
    }
}
