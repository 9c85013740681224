using System.Net;
using System.Text.RegularExpressions;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Design;

/// <summary>
/// The look ships as two built files, wwwroot/css/app.css and wwwroot/icons.svg (scripts/build-css.sh): every page
/// links only the one stylesheet, it is served, and every icon a page asks for is in the sprite.
/// </summary>
public sealed partial class StylesheetTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Privacy")]
    public async Task A_page_links_exactly_the_compiled_stylesheet_and_it_is_served(string path)
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(path);

        var links = page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href") ?? "").ToList();
        var href = Assert.Single(links);
        // wwwroot/css/app.css, under the fingerprinted name the static assets endpoints give it.
        Assert.Matches(@"^/css/app(\.[a-z0-9]+)?\.css(\?v=[^&]+)?$", href);

        using var css = await browser.Client.GetAsync(new Uri(href, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        var text = await css.Content.ReadAsStringAsync();
        Assert.Contains(".form-check-input", text, StringComparison.Ordinal);
        Assert.Contains(".navbar-collapse", text, StringComparison.Ordinal);
        Assert.Contains(".empty-state", text, StringComparison.Ordinal);
        // Our control border colour, not Bootstrap's default (#dee2e6, 1.3:1 on white).
        Assert.Contains("#6b7680", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_icon_a_page_names_is_in_the_served_sprite()
    {
        using var browser = app.NewBrowser();
        using var sprite = await browser.Client.GetAsync(new Uri("/icons.svg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, sprite.StatusCode);
        Assert.Equal("image/svg+xml", sprite.Content.Headers.ContentType?.MediaType);
        var symbols = SymbolId().Matches(await sprite.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToHashSet();

        var web = Path.Combine(RepositoryRoot(), "src", "CareerCompass.Web");
        var named = Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories))
            .SelectMany(file =>
            {
                var text = File.ReadAllText(file);
                return IconName().Matches(text).Concat(IconComponentName().Matches(text)).Concat(EmptyStateIcon().Matches(text))
                    .Select(m => (File: Path.GetRelativePath(web, file), Name: m.Groups[1].Value));
            })
            .ToList();

        Assert.NotEmpty(named);
        Assert.All(named, icon => Assert.True(symbols.Contains(icon.Name), $"{icon.File} uses the icon \"{icon.Name}\", which icons.svg lacks: add it to Styles/icons.txt and run scripts/build-css.sh."));
    }

    [Fact]
    public async Task The_layout_renders_icons_hidden_from_screen_readers_beside_their_words()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/");

        var brand = page.Document.QuerySelector(".navbar-brand")!;
        var icon = brand.QuerySelector("svg.icon")!;
        Assert.Equal("true", icon.GetAttribute("aria-hidden"));
        Assert.Matches("^/icons\\.svg\\?v=[^#]+#compass$", icon.QuerySelector("use")!.GetAttribute("href")!);
        Assert.Equal("CareerCompass", brand.TextContent.Trim());
    }

    [GeneratedRegex("<symbol id=\"([a-z0-9-]+)\"")]
    private static partial Regex SymbolId();

    [GeneratedRegex("<icon name=\"([a-z0-9-]+)\"")]
    private static partial Regex IconName();

    [GeneratedRegex("<Icon Name=\"([a-z0-9-]+)\"")]
    private static partial Regex IconComponentName();

    [GeneratedRegex("new EmptyStateView\\(\"([a-z0-9-]+)\"")]
    private static partial Regex EmptyStateIcon();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareerCompass.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No CareerCompass.sln above {AppContext.BaseDirectory}.");
    }
}
