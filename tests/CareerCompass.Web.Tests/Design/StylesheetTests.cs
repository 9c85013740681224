using System.Net;
using System.Text.Json;
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

        var web = Path.Combine(Repository.Root, "src", "CareerCompass.Web");
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

    /// <summary>
    /// app.css is built from the Bootstrap sources pinned in Styles/package-lock.json; the served script must be the
    /// same release (scripts/build-css.sh copies it from that package), or components may miss each other's changes.
    /// </summary>
    [Fact]
    public async Task The_served_bootstrap_script_is_the_release_the_styles_are_built_from()
    {
        var styles = Path.Combine(Repository.Root, "src", "CareerCompass.Web", "Styles");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(styles, "package.json")));
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(styles, "package-lock.json")));
        var pinned = manifest.RootElement.GetProperty("devDependencies").GetProperty("bootstrap").GetString();
        var locked = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/bootstrap").GetProperty("version").GetString();
        Assert.Equal(pinned, locked);

        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/");
        var src = Assert.Single(page.Document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!), s => s.Contains("bootstrap", StringComparison.Ordinal));
        using var script = await browser.Client.GetAsync(new Uri(src, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        var banner = BootstrapBanner().Match(await script.Content.ReadAsStringAsync());
        Assert.True(banner.Success, $"{src} has no Bootstrap banner.");
        Assert.Equal(locked, banner.Groups[1].Value);

        var css = File.ReadAllText(Path.Combine(Repository.Root, "src", "CareerCompass.Web", "wwwroot", "css", "app.css"));
        Assert.Contains($"built with Bootstrap v{locked} ", css, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^/\*!\s*\*\s*Bootstrap v(\d+\.\d+\.\d+) ")]
    private static partial Regex BootstrapBanner();

    /// <summary>
    /// Bootstrap's utility classes are cut down to the families (and breakpoints) Styles/_utilities.scss keeps, so a
    /// page can name one the stylesheet lacks and simply not get it. Every utility-looking class a view or component
    /// names — in plain markup or in a Razor expression's string — must be in the built app.css.
    /// </summary>
    [Fact]
    public void Every_utility_class_the_views_name_is_in_the_built_stylesheet()
    {
        var web = Path.Combine(Repository.Root, "src", "CareerCompass.Web");
        var css = File.ReadAllText(Path.Combine(web, "wwwroot", "css", "app.css"));
        var defined = CssClass().Matches(RuleBody().Replace(css, "{}")).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var used = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".cshtml", StringComparison.Ordinal) || file.EndsWith(".razor", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(file => ClassNames(File.ReadAllText(file)).Select(name => (File: Path.GetRelativePath(web, file), Name: name)))
            .Where(use => UtilityClass().IsMatch(use.Name))
            .Distinct()
            .ToList();

        Assert.Contains(used, use => use.Name == "d-flex");
        Assert.Contains(used, use => use.Name == "ms-lg-2");
        var missing = used.Where(use => !defined.Contains(use.Name)).Select(use => $"{use.Name} ({use.File})").ToList();
        Assert.True(missing.Count == 0, "Utility classes the views use that app.css lacks (keep their family or breakpoint in Styles/_utilities.scss and run scripts/build-css.sh): " + string.Join(", ", missing));
    }

    [Fact]
    public void The_class_reader_sees_names_in_markup_and_in_razor_strings()
    {
        var names = ClassNames("""<a class="btn d-none @(open ? "d-sm-inline" : "ms-2") @Model.Css">x</a><p class='mt-3'>""").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["btn", "d-none", "d-sm-inline", "ms-2", "mt-3"], names);
    }

    /// <summary>The class names in each class attribute: its plain words and the words of the strings in its Razor expressions.</summary>
    private static IEnumerable<string> ClassNames(string markup)
    {
        foreach (Match start in ClassAttribute().Matches(markup))
        {
            var quote = start.Groups[1].Value[0];
            var depth = 0;
            var end = start.Index + start.Length;
            for (; end < markup.Length; end++)
            {
                var c = markup[end];
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }
                else if (c == quote && depth <= 0)
                {
                    break;
                }
            }

            var value = markup[(start.Index + start.Length)..end];
            var literals = RazorString().Matches(value).Select(m => m.Groups[1].Value);
            var plain = RazorExpression().Replace(value, " ");
            foreach (var word in literals.Append(plain).SelectMany(text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                if (WholeClassName().IsMatch(word))
                {
                    yield return word;
                }
            }
        }
    }

    [GeneratedRegex("""\bclass=(["'])""")]
    private static partial Regex ClassAttribute();

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex RazorString();

    [GeneratedRegex(@"@\((?>[^()]+|\((?<d>)|\)(?<-d>))*(?(d)(?!))\)|@[A-Za-z_][\w.]*(\([^)]*\))?")]
    private static partial Regex RazorExpression();

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
    private static partial Regex WholeClassName();

    /// <summary>Bootstrap's utility families (and the grid's), the classes _utilities.scss and the grid import generate.</summary>
    [GeneratedRegex("^(d|m|mt|mb|ms|me|mx|my|p|pt|pb|ps|pe|px|py|gap|row-gap|column-gap|fs|fw|fst|lh|text|bg|border|border-top|border-bottom|border-start|border-end|rounded|w|h|mw|mh|flex|justify-content|align-items|align-self|align-content|order|float|position|top|bottom|start|end|overflow|opacity|shadow|col|row-cols|g|gx|gy|offset|font|user-select|z)-[a-z0-9-]+$")]
    private static partial Regex UtilityClass();

    [GeneratedRegex(@"\.(-?[_a-zA-Z][\w-]*)")]
    private static partial Regex CssClass();

    [GeneratedRegex(@"\{[^{}]*\}")]
    private static partial Regex RuleBody();

    [GeneratedRegex("<symbol id=\"([a-z0-9-]+)\"")]
    private static partial Regex SymbolId();

    [GeneratedRegex("<icon name=\"([a-z0-9-]+)\"")]
    private static partial Regex IconName();

    [GeneratedRegex("<Icon Name=\"([a-z0-9-]+)\"")]
    private static partial Regex IconComponentName();

    [GeneratedRegex("new EmptyStateView\\(\"([a-z0-9-]+)\"")]
    private static partial Regex EmptyStateIcon();
}
