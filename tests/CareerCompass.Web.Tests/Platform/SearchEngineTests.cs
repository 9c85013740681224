using System.Net;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>What a search engine sees: the public pages describe themselves, and robots.txt keeps people's plans out.</summary>
public sealed class SearchEngineTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    public static TheoryData<string> PublicPages =>
    [
        "/", "/Identity/Account/Login", "/Identity/Account/Register", "/Identity/Account/ForgotPassword", "/Privacy", "/AboutData",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task Each_public_page_has_a_description_of_its_own(string path)
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(path);

        var description = page.Document.QuerySelectorAll("head meta[name='description']").Single().GetAttribute("content");
        Assert.InRange(description!.Length, 50, 160);
        Assert.DoesNotContain("break them into steps and review them on a rhythm you choose", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Robots_txt_allows_the_public_pages_and_disallows_the_signed_in_areas()
    {
        using var browser = app.NewBrowser();
        var robots = await browser.GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, robots.Status);
        var lines = (await robots.Response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Allow: /Identity/Account/Login", lines);
        foreach (var area in new[] { "/Identity/Account/Manage", "/Reflection", "/Goals", "/Reviews", "/Sharing", "/Settings", "/Counsellor" })
        {
            Assert.Contains($"Disallow: {area}", lines);
        }

        Assert.DoesNotContain(lines, l => l.StartsWith("Sitemap:", StringComparison.OrdinalIgnoreCase));
    }
}
