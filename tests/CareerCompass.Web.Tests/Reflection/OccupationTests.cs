using System.Net;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerCompass.Web.Tests.Reflection;

public sealed class OccupationTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private static readonly string[] SocialInvestigativeArtistic = ["5", "4", "3"];

    [Theory]
    [InlineData("nurse", "Registered Nurses")]
    [InlineData("Nurse", "Registered Nurses")]
    [InlineData("coder", "Computer Programmers")]
    [InlineData("UX", "Web and Digital Interface Designers")]
    [InlineData("software developer", "Software Developers")]
    public async Task Search_finds_occupations_by_title_or_alternate_title(string query, string expected)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync($"/Reflection/Occupations?q={Uri.EscapeDataString(query)}");

        var titles = page.Document.QuerySelectorAll("#results-title + ul a").Select(a => a.TextContent).ToList();
        Assert.Contains(expected, titles);
        Assert.True(titles.Count <= 20);
        browser.Dispose();
    }

    [Fact]
    public async Task Search_can_be_narrowed_by_preparation_level()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync("/Reflection/Occupations?q=nurse&zone=5");

        var levels = page.Document.QuerySelectorAll("#results-title + ul .small").Select(s => s.TextContent.Trim()).ToList();
        Assert.NotEmpty(levels);
        Assert.All(levels, l => Assert.Equal("Extensive preparation", l));
        browser.Dispose();
    }

    [Fact]
    public async Task A_search_with_no_match_or_an_overlong_query_gets_a_helpful_message()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var none = await browser.GetAsync("/Reflection/Occupations?q=zzzzqqq");
        var tooLong = await browser.GetAsync($"/Reflection/Occupations?q={new string('a', 500)}");

        Assert.Contains("No occupations match", none.Text, StringComparison.Ordinal);
        Assert.Contains("Try a shorter or more general word", none.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Contains("fewer than 100 characters", tooLong.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task An_occupation_page_shows_description_profile_preparation_skills_values_and_attribution()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync("/Reflection/Occupations/29-1141.00");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Registered Nurses", page.Document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Interest profile:", page.Text, StringComparison.Ordinal);
        Assert.Contains("Preparation:", page.Text, StringComparison.Ordinal);
        Assert.Equal(5, page.Document.QuerySelectorAll("#skills-title + ol li").Length);
        Assert.Contains("Work values it offers", page.Text, StringComparison.Ordinal);
        Assert.Contains("Used under the CC BY 4.0 license", page.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Theory]
    [InlineData("/Reflection/Occupations/99-9999.99")]
    [InlineData("/Reflection/Occupations/not-a-code")]
    public async Task An_unknown_occupation_is_a_friendly_404(string path)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("We couldn't find that page", page.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Suggestions_follow_the_interest_profile_and_can_be_added_or_dismissed_for_good()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var before = await browser.GetAsync("/Reflection/Occupations");
        Assert.Contains("Finish the interest explorer", before.Text, StringComparison.Ordinal);
        await RateExplorerAsync(browser);

        var explore = await browser.GetAsync("/Reflection/Occupations");
        Assert.Contains("Your top interest areas are SIA", explore.Text, StringComparison.Ordinal);
        var suggestions = explore.Document.QuerySelectorAll("#suggest-title ~ ul > li a.fw-semibold").Select(a => a.TextContent).ToList();
        Assert.Equal(10, suggestions.Count);

        var first = suggestions[0];
        var added = await browser.SubmitAsync(explore, $"form[action*='handler=Add']");
        Assert.Contains($"Added {first} to your career options", added.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(first, added.Document.QuerySelectorAll("#suggest-title ~ ul > li a.fw-semibold").Select(a => a.TextContent));
        var options = await browser.GetAsync("/Reflection/Options");
        Assert.Contains(first, options.Html, StringComparison.Ordinal);

        var second = added.Document.QuerySelectorAll("#suggest-title ~ ul > li a.fw-semibold")[0].TextContent;
        var dismissed = await browser.SubmitAsync(added, "form[action*='handler=Dismiss']", new Dictionary<string, string> { ["reason"] = "Too much night work" });
        Assert.Contains($"We won't suggest {second} again", dismissed.Text, StringComparison.Ordinal);
        var later = await browser.GetAsync("/Reflection/Occupations");
        Assert.DoesNotContain(second, later.Document.QuerySelectorAll("#suggest-title ~ ul > li a.fw-semibold").Select(a => a.TextContent));
        browser.Dispose();
    }

    [Fact]
    public async Task The_about_the_data_page_is_public_and_credits_onet()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/AboutData");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("O*NET 29.3 Database", page.Text, StringComparison.Ordinal);
        Assert.Contains("USDOL/ETA has not approved, endorsed, or tested these modifications", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_import_runs_once_per_release()
    {
        _ = app.Server;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var titlesBefore = await db.OccupationTitles.CountAsync();
        var lastIdBefore = await db.OccupationTitles.MaxAsync(t => t.Id);

        await OnetImport.ImportIfNeededAsync(db, OnetImport.DefaultFolder, NullLogger.Instance);

        // A second import would delete and re-insert, and AUTOINCREMENT never reuses an id: the last id would move.
        Assert.Equal(lastIdBefore, await db.OccupationTitles.MaxAsync(t => t.Id));
        Assert.Equal(923, await db.Occupations.CountAsync());
        Assert.Equal(titlesBefore, await db.OccupationTitles.CountAsync());
        Assert.True(titlesBefore > 50_000);
        Assert.Equal(OnetImport.Release, (await db.ReferenceData.SingleAsync()).Version);
    }

    internal static async Task RateExplorerAsync(TestBrowser browser)
    {
        var form = await browser.GetAsync("/Reflection/Interests");
        var ratings = new Dictionary<string, string>();
        var activities = Domain.Reflection.Riasec.Activities;
        for (var i = 0; i < activities.Count; i++)
        {
            ratings[$"Input.Explorer[{i}].Rating"] = activities[i].Area switch
            {
                Domain.Reflection.RiasecArea.Social => SocialInvestigativeArtistic[0],
                Domain.Reflection.RiasecArea.Investigative => SocialInvestigativeArtistic[1],
                Domain.Reflection.RiasecArea.Artistic => SocialInvestigativeArtistic[2],
                _ => "1",
            };
        }

        await browser.SubmitAsync(form, "form[data-autosave]", ratings, action: "/Reflection/Interests?handler=Save");
    }
}
