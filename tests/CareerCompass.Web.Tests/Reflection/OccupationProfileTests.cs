using System.Net;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerCompass.Web.Tests.Reflection;

/// <summary>The occupation page's tasks, education, related occupations, BLS pay and outlook (same app and import as the other occupation tests).</summary>
public sealed partial class OccupationTests
{
    [Fact]
    public async Task Registered_nurses_page_shows_tasks_education_pay_outlook_related_and_sources()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync("/Reflection/Occupations/29-1141.00");
        HtmlChecks.AssertWellFormedAndLabelled(page);

        var tasks = page.Document.QuerySelectorAll("ul.occupation-tasks li").Select(li => li.TextContent).ToList();
        Assert.Equal(8, tasks.Count);
        Assert.Equal("Record patients' medical information and vital signs.", tasks[0]);
        Assert.Contains("The core tasks, in O*NET's order", page.Text, StringComparison.Ordinal);

        var education = page.Document.QuerySelector(".occupation-education")!.TextContent;
        Assert.Contains("a bachelor's degree", education, StringComparison.Ordinal);
        Assert.Contains("56% of the people O*NET asked", page.Text, StringComparison.Ordinal);
        Assert.Contains("rough guide", page.Text, StringComparison.Ordinal);

        var pay = page.Document.QuerySelector("table.occupation-pay")!;
        Assert.Contains("Yearly pay in the U.S., May 2024", pay.QuerySelector("caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, pay.QuerySelectorAll("th[scope=row]").Length);
        Assert.Equal(["$93,600", "$66,030", "$135,320"], pay.QuerySelectorAll("td").Select(td => td.TextContent).ToArray());
        Assert.Contains("Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2024", page.Text, StringComparison.Ordinal);

        var outlook = page.Document.QuerySelector("ul.occupation-outlook")!.TextContent;
        Assert.Contains("grow by 4.9% from 2024 to 2034", outlook, StringComparison.Ordinal);
        Assert.Contains("189,100 openings a year", outlook, StringComparison.Ordinal);
        Assert.Contains("Source: U.S. Bureau of Labor Statistics, Employment Projections, 2024–34", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("wider BLS group", page.Text, StringComparison.Ordinal);

        var skills = page.Document.QuerySelectorAll("ol.occupation-skills li").Select(li => li.TextContent).ToList();
        Assert.Equal(5, skills.Count);
        Assert.All(skills, s => Assert.Contains(" — ", s, StringComparison.Ordinal));

        Assert.Contains("Used under the CC BY 4.0 license", page.Text, StringComparison.Ordinal);
        Assert.Contains("BLS has not reviewed or endorsed this use", page.Text, StringComparison.Ordinal);

        var related = page.Document.QuerySelectorAll("ul.occupation-related a").ToList();
        Assert.Equal(10, related.Count);
        Assert.Equal("/Reflection/Occupations/29-1141.04", related[0].GetAttribute("href"));
        foreach (var link in related)
        {
            var target = await browser.GetAsync(link.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, target.Status);
            Assert.Equal(link.TextContent, target.Document.QuerySelector("h1")!.TextContent.Trim());
        }

        browser.Dispose();
    }

    [Fact]
    public async Task Software_developers_page_shows_pay_range_and_outlook_and_says_what_is_missing()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync("/Reflection/Occupations/15-1252.00");
        HtmlChecks.AssertWellFormedAndLabelled(page);

        Assert.Equal(["$133,080", "$79,850", "$211,450"], page.Document.QuerySelectorAll("table.occupation-pay td").Select(td => td.TextContent).ToArray());
        Assert.Contains("grow by 15.8% from 2024 to 2034", page.Text, StringComparison.Ordinal);
        Assert.Contains("115,200 openings a year", page.Text, StringComparison.Ordinal);
        // O*NET 29.3 has no education survey data for this occupation, and only tasks it hasn't rated yet.
        Assert.Contains("O*NET has no survey answers about the education this occupation needs", page.Text, StringComparison.Ordinal);
        Assert.Contains("hasn't rated these by importance yet", page.Text, StringComparison.Ordinal);
        Assert.InRange(page.Document.QuerySelectorAll("ul.occupation-tasks li").Length, 1, 8);
        Assert.Equal(10, page.Document.QuerySelectorAll("ul.occupation-related a").Length);
        browser.Dispose();
    }

    [Theory]
    [InlineData("45-3031.00", "BLS doesn't publish pay for this occupation.", "shrink by 4.6%")]
    [InlineData("27-2011.00", "BLS doesn't publish yearly pay for this occupation; the median is $23.33 an hour.", "grow by 0.3%")]
    [InlineData("29-1223.00", "$239,200 or more", "900 openings a year")]
    [InlineData("15-1299.08", "wider BLS group “Computer Occupations, All Other”", "openings a year")]
    public async Task Missing_top_coded_and_shared_bls_figures_are_said_plainly(string code, string pay, string outlook)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync($"/Reflection/Occupations/{code}");
        HtmlChecks.AssertWellFormedAndLabelled(page);

        Assert.Contains(pay, page.Text, StringComparison.Ordinal);
        Assert.Contains(outlook, page.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task An_occupation_page_costs_the_same_few_statements_whatever_the_occupation()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        await browser.GetAsync("/Reflection/Occupations/29-1141.00");

        var counts = new List<int>();
        foreach (var code in new[] { "29-1141.00", "15-1252.00", "45-3031.00" })
        {
            app.Queries.Reset();
            var page = await browser.GetAsync($"/Reflection/Occupations/{code}");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            counts.Add(app.Queries.Count);
        }

        Assert.All(counts, c => Assert.Equal(StatementsPerOccupationPage, c));
        browser.Dispose();
    }

    [Fact]
    public async Task The_import_fills_tasks_education_related_and_bls_tables_and_every_skill_has_plain_words()
    {
        _ = app.Server;
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        Assert.Equal(18_796, await db.OccupationTasks.CountAsync());
        Assert.Equal(858, await db.OccupationEducation.CountAsync());
        Assert.Equal(18_460, await db.RelatedOccupations.CountAsync());
        Assert.Equal(923, await db.OccupationBlsCodes.CountAsync());
        Assert.Equal(831, await db.BlsWages.CountAsync());
        Assert.Equal(832, await db.BlsOutlook.CountAsync());
        var skills = await db.OccupationSkills.Select(s => s.ElementId).Distinct().ToListAsync();
        Assert.Equal(35, skills.Count);
        Assert.All(skills, id => Assert.NotNull(Pages.Reflection.Occupations.OccupationWording.SkillMeaning(id)));
    }

    [Fact]
    public async Task A_database_marked_with_the_earlier_release_is_imported_again_with_the_profiles()
    {
        var path = Path.Combine(app.DataRoot, $"upgrade-{Guid.NewGuid():N}.db");
        await using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").Options))
        {
            await db.Database.MigrateAsync();
            db.ReferenceData.Add(new ReferenceDataVersion(OnetImport.DataSet, "29.3"));
            await db.SaveChangesAsync();

            await OnetImport.ImportIfNeededAsync(db, OnetImport.DefaultFolder, NullLogger.Instance);

            Assert.Equal(OnetImport.Version, (await db.ReferenceData.AsNoTracking().SingleAsync()).Version);
            Assert.Equal(18_796, await db.OccupationTasks.CountAsync());
            Assert.Equal(923, await db.OccupationBlsCodes.CountAsync());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    [Fact]
    public async Task The_about_the_data_page_credits_bls()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/AboutData");
        Assert.Contains("Occupational Employment and Wage Statistics, May 2024", page.Text, StringComparison.Ordinal);
        Assert.Contains("Employment Projections, 2024–34", page.Text, StringComparison.Ordinal);
        Assert.Contains("BLS has not reviewed or endorsed this use", page.Text, StringComparison.Ordinal);
    }

    /// <summary>Fixed: the sign-in and page queries there were before (occupation, its skills, the person's reflection steps — options and strengths in one statement); tasks, education, related occupations, pay and outlook come from memory.</summary>
    private const int StatementsPerOccupationPage = 4;
}
