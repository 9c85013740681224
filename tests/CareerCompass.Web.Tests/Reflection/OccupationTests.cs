using System.Net;
using CareerCompass.Domain.Occupations;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Pages.Reflection.Occupations;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerCompass.Web.Tests.Reflection;

public sealed partial class OccupationTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
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

    [Theory]
    [InlineData("nursing", "Registered Nurses")]
    [InlineData("nurses", "Registered Nurses")]
    [InlineData("sofware developer", "Software Developers")]
    [InlineData("registerd nurse", "Registered Nurses")]
    [InlineData("softwre developers", "Software Developers")]
    [InlineData("regist nurs", "Registered Nurses")]
    public async Task Search_finds_stems_prefixes_and_typos(string query, string expected)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var titles = await ResultTitlesAsync(browser, query);

        Assert.Contains(expected, titles.Take(5));
        browser.Dispose();
    }

    [Fact]
    public async Task Search_matches_whole_words_and_prefixes_not_letters_inside_words()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync("/Reflection/Occupations?q=UX");
        var items = page.Document.QuerySelectorAll("#results-title + ul li").Select(li => li.TextContent).ToList();

        Assert.Contains(items, i => i.Contains("Web and Digital Interface Designers", StringComparison.Ordinal));
        Assert.All(items, i => Assert.Matches(@"(?i)\bux", i));
        Assert.DoesNotContain(items, i => i.Contains("Fluxer", StringComparison.OrdinalIgnoreCase) || i.Contains("Vigoureux", StringComparison.OrdinalIgnoreCase));
        browser.Dispose();
    }

    [Theory]
    [InlineData("nurse")]
    [InlineData("programmer")]
    [InlineData("chef")]
    public async Task A_title_match_ranks_above_an_alternate_title_match(string query)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync($"/Reflection/Occupations?q={query}");
        var alsoCalled = page.Document.QuerySelectorAll("#results-title + ul li").Select(li => li.TextContent.Contains("also called", StringComparison.Ordinal)).ToList();

        Assert.Contains(false, alsoCalled);
        Assert.Contains(true, alsoCalled);
        Assert.True(alsoCalled.IndexOf(true) > alsoCalled.LastIndexOf(false), $"An alternate-title match came before a title match for \"{query}\".");
        browser.Dispose();
    }

    [Theory]
    [InlineData("software developer", "Database Architects")]
    [InlineData("software developer", "Web Developers")]
    public async Task A_match_is_one_title_holding_every_word_not_words_spread_over_several(string query, string notExpected)
    {
        // "Database Architects" is also called "Database Software Tech (Database Software Technician)" and "Database
        // Developer"; "Web Developers" has "Back End Software Engineer" and "Java Developer". Neither has a title
        // with both words, so neither is a software developer.
        var (browser, _) = await app.NewSignedInPersonAsync();
        var titles = await ResultTitlesAsync(browser, query);

        Assert.Contains("Software Developers", titles);
        Assert.DoesNotContain(notExpected, titles);
        browser.Dispose();
    }

    [Theory]
    [InlineData("registered nurse")]
    [InlineData("software developer")]
    [InlineData("nurse teacher")]
    [InlineData("UX")]
    public async Task Also_called_names_a_title_with_every_word_typed(string query)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync($"/Reflection/Occupations?q={Uri.EscapeDataString(query)}");
        var named = page.Document.QuerySelectorAll("#results-title + ul li").Select(li => li.TextContent)
            .Where(t => t.Contains("also called", StringComparison.Ordinal))
            .Select(t => t[(t.IndexOf("also called", StringComparison.Ordinal) + "also called".Length)..]).ToList();

        Assert.NotEmpty(named);
        // A stem or prefix of each word: its first five letters ("develop" for "developer", "nurse" for "nurses").
        Assert.All(named, n => Assert.All(query.Split(' '), w => Assert.Contains(w[..Math.Min(w.Length, 5)], n, StringComparison.OrdinalIgnoreCase)));
        browser.Dispose();
    }

    [Fact]
    public async Task An_exact_title_comes_first()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        Assert.Equal("Registered Nurses", (await ResultTitlesAsync(browser, "registered nurses"))[0]);
        Assert.Equal("Software Developers", (await ResultTitlesAsync(browser, "Software Developers"))[0]);
        browser.Dispose();
    }

    [Theory]
    [InlineData("AND")]
    [InlineData("OR")]
    [InlineData("NOT")]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("*")]
    [InlineData("nurse*")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(nurse teacher, 2)")]
    [InlineData("-")]
    [InlineData("-nurse")]
    [InlineData("'")]
    [InlineData("nurse' OR 1=1 --")]
    [InlineData("title:nurse")]
    [InlineData("{Title} : nurse")]
    [InlineData("^nurse")]
    [InlineData("a")]
    [InlineData("   ")]
    [InlineData("ab")]
    [InlineData("Krankenpfleger ö ü 看护 🩺")]
    [InlineData("infirmière")]
    [InlineData("\u0000")]
    public async Task Odd_or_query_syntax_input_never_fails(string query)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync($"/Reflection/Occupations?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Explore occupations", page.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task A_huge_query_gets_a_clear_message()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync($"/Reflection/Occupations?q={new string('x', 7_000)}");
        var words = await browser.GetAsync($"/Reflection/Occupations?q={Uri.EscapeDataString(string.Join(' ', Enumerable.Repeat("nurse AND", 400)))}");
        // Beyond the app's 8 KB address limit the request never reaches the page: the guard answers, plainly.
        var huge = await browser.GetAsync($"/Reflection/Occupations?q={new string('x', 10_000)}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("fewer than 100 characters", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, huge.Status);
        Assert.Contains("That address is too long", huge.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, words.Status);
        Assert.Contains("fewer than 100 characters", words.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Theory]
    [InlineData("nurse", 1)]
    [InlineData("UX", 1)]
    // Fewer than three found: the same statement brings the typo candidates, and none is a likely correction ...
    [InlineData("zzzzqqq", 1)]
    [InlineData("chief executive officer", 1)]
    // ... or one is, and the corrected search is the second statement.
    [InlineData("sofware developer", 2)]
    public async Task A_search_costs_one_statement_or_two_with_the_typo_fallback(string query, int statements)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var warm = await browser.GetAsync("/Reflection/Occupations");
        app.Queries.Reset();
        await browser.GetAsync("/Reflection/Occupations");
        var page = app.Queries.Count;

        // The first search of a query (not one kept from an earlier test): what the database does for it.
        app.Services.GetRequiredService<OccupationSearchCache>().Clear();
        app.Queries.Reset();
        await browser.GetAsync($"/Reflection/Occupations?q={Uri.EscapeDataString(query)}");

        Assert.Equal(HttpStatusCode.OK, warm.Status);
        Assert.Equal(page + statements, app.Queries.Count);
        browser.Dispose();
    }

    // The SQLite search keeps its statement prepared on connections of its own (SqliteSearchStatements): a title
    // imported after it was prepared must still be found, and one removed no longer.
    [Fact]
    public async Task A_search_finds_titles_added_after_earlier_searches_and_not_those_removed()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var cache = app.Services.GetRequiredService<OccupationSearchCache>();
        for (var i = 0; i < 3; i++)
        {
            Assert.Empty(await ResultItemsAsync(browser, $"zyqqxvist {i}"));
        }

        await ChangeTitlesAsync(db => db.Set<OccupationTitle>().Add(new OccupationTitle("15-1252.00", "Zyqqxvist", OccupationTitle.Normalize("Zyqqxvist"))));
        cache.Clear();
        var found = await ResultItemsAsync(browser, "zyqqxvist");
        await ChangeTitlesAsync(db => db.Set<OccupationTitle>().RemoveRange(db.Set<OccupationTitle>().Where(t => t.Title == "Zyqqxvist")));
        cache.Clear();
        var gone = await ResultItemsAsync(browser, "zyqqxvist");

        Assert.Contains(found, item => item.StartsWith("Software Developers", StringComparison.Ordinal) && item.Contains("also called Zyqqxvist", StringComparison.Ordinal));
        Assert.Empty(gone);
        browser.Dispose();
    }

    private async Task ChangeTitlesAsync(Action<AppDbContext> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        change(db);
        await db.SaveChangesAsync();
        foreach (var sql in db.Database.IsNpgsql() ? PostgreSqlOccupationSearch.RebuildSql : SqliteOccupationSearch.RebuildSql)
        {
            await db.Database.ExecuteSqlRawAsync(sql);
        }
    }

    [Fact]
    public async Task A_repeated_search_costs_no_statement_and_finds_the_same()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        await browser.GetAsync("/Reflection/Occupations");
        app.Queries.Reset();
        await browser.GetAsync("/Reflection/Occupations");
        var page = app.Queries.Count;
        app.Services.GetRequiredService<OccupationSearchCache>().Clear();

        app.Queries.Reset();
        var first = await ResultItemsAsync(browser, "registerd nurse");
        var firstCost = app.Queries.Count - page;
        app.Queries.Reset();
        var again = await ResultItemsAsync(browser, "Registerd  nurse");
        var againCost = app.Queries.Count - page;
        app.Queries.Reset();
        var narrowed = await browser.GetAsync("/Reflection/Occupations?q=registerd+nurse&zone=5");
        var narrowedCost = app.Queries.Count - page;

        Assert.Equal(2, firstCost);
        Assert.NotEmpty(first);
        Assert.Equal(first, again);
        Assert.Equal(0, againCost);
        Assert.Equal(HttpStatusCode.OK, narrowed.Status);
        Assert.True(narrowedCost > 0, "A search narrowed by preparation level was served from the results of the unnarrowed one.");
        browser.Dispose();
    }

    [Fact]
    public async Task Adding_from_an_occupation_page_stays_there_and_the_way_back_keeps_the_search()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var results = await browser.GetAsync("/Reflection/Occupations?q=nurse&zone=3");
        var link = results.Document.QuerySelectorAll("#results-title + ul a").First();
        var details = await browser.GetAsync(link.GetAttribute("href")!);
        var title = details.Document.QuerySelector("h1")!.TextContent.Trim();

        var added = await browser.SubmitAsync(details, "form[action*='handler=Add']");

        Assert.Equal(details.Url.AbsolutePath, added.Url.AbsolutePath);
        Assert.Contains($"Added {title} to your career options", added.Text, StringComparison.Ordinal);
        Assert.Contains("This is one of your career options", added.Text, StringComparison.Ordinal);
        var back = added.Document.QuerySelectorAll("a").First(a => a.TextContent.Contains("Back to exploring", StringComparison.Ordinal));
        var again = await browser.GetAsync(back.GetAttribute("href")!);
        Assert.Equal("nurse", again.Document.QuerySelector("#q")!.GetAttribute("value"));
        Assert.Equal("3", again.Document.QuerySelector("#zone option[selected]")!.GetAttribute("value"));
        Assert.Contains(title, await ResultTitlesAsync(browser, "nurse"));
        browser.Dispose();
    }

    // The result links are written out rather than built through routing: they must be the addresses routing builds.
    [Theory]
    [InlineData("registered nurse", null)]
    [InlineData("nurse", 3)]
    public async Task Each_result_links_to_the_address_routing_gives_its_occupation_page_with_the_search(string query, int? zone)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync($"/Reflection/Occupations?q={Uri.EscapeDataString(query)}{(zone is null ? "" : $"&zone={zone}")}");
        var links = page.Document.QuerySelectorAll("#results-title + ul a").Select(a => a.GetAttribute("href")!).ToList();
        var routing = app.Services.GetRequiredService<LinkGenerator>();
        var codes = (await app.Services.CreateScope().ServiceProvider.GetRequiredService<OccupationCatalog>().SearchAsync(query, zone)).Select(h => h.Code).ToList();

        Assert.NotEmpty(links);
        Assert.Equal(codes.Select(code => routing.GetPathByPage("/Reflection/Occupations/Details", values: new { code, q = query, zone })), links);
        browser.Dispose();
    }

    // The status message is a tag helper (not a partial): one polite live region with its icon, and none without a message.
    [Fact]
    public async Task A_status_message_is_one_announced_alert_with_its_icon_and_a_page_without_one_has_none()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var results = await browser.GetAsync("/Reflection/Occupations?q=nurse");
        var details = await browser.GetAsync(results.Document.QuerySelector("#results-title + ul a")!.GetAttribute("href")!);
        var added = await browser.SubmitAsync(details, "form[action*='handler=Add']");
        var again = await browser.GetAsync(added.Url.PathAndQuery);

        var status = Assert.Single(added.Document.QuerySelectorAll("div.alert[role=status]"));
        Assert.StartsWith("Added ", status.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("alert-success", status.ClassName, StringComparison.Ordinal);
        Assert.Matches(@"^/icons\.svg\?v=[^#]+#check-circle$", status.QuerySelector("svg[aria-hidden=true] use")!.GetAttribute("href"));
        Assert.Empty(again.Document.QuerySelectorAll("div.alert[role=status]"));
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
        Assert.Contains("You lean towards helping people (Social), working things out (Investigative) and creating and expressing (Artistic). That's SIA for short. These occupations", explore.Text, StringComparison.Ordinal);
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
        Assert.Equal(OnetImport.Version, (await db.ReferenceData.SingleAsync()).Version);
    }

    /// <summary>Each result as the person reads it: the title, its level, and the alternate title that matched.</summary>
    private static async Task<List<string>> ResultItemsAsync(TestBrowser browser, string query)
    {
        var page = await browser.GetAsync($"/Reflection/Occupations?q={Uri.EscapeDataString(query)}");
        return page.Document.QuerySelectorAll("#results-title + ul li").Select(li => li.TextContent.Trim()).ToList();
    }

    private static async Task<List<string>> ResultTitlesAsync(TestBrowser browser, string query)
    {
        var page = await browser.GetAsync($"/Reflection/Occupations?q={Uri.EscapeDataString(query)}");
        return page.Document.QuerySelectorAll("#results-title + ul a").Select(a => a.TextContent).ToList();
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
