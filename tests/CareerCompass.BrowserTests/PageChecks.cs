using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

/// <summary>
/// What every visited page must pass: axe (the WCAG 2.2 A and AA rules, and its best practices) finds nothing at all
/// (any impact, minor included), and the browser logged no errors. Each check also keeps a full-page screenshot at 375 and at 1280 px
/// (TestResults/screenshots/) and the HTML the server sent for the page (TestResults/html/), which scripts/test.sh
/// hands to the Nu Html Checker in one run after the tests.
/// </summary>
public sealed class PageChecks
{
    /// <summary>The two widths every page is photographed at: the narrowest phone the app promises to fit, and a laptop.</summary>
    private static readonly int[] ScreenshotWidths = [375, 1280];

    private static readonly AxeRunOptions WcagRules = new()
    {
        RunOnly = new RunOnlyOptions
        {
            Type = "tag",
            Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
        },
    };

    private readonly List<string> _consoleErrors = [];
    private IResponse? _document;

    public PageChecks(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _consoleErrors.Add($"{page.Url}: {error}");

        // The last main-document response is the page as the server sent it (before any script changed it).
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest && response.Frame == page.MainFrame && response.Status is < 300 or >= 400)
            {
                _document = response;
            }
        };
    }

    /// <summary>
    /// Opens the collapsed menu of a phone-width page and waits until it has finished opening (Bootstrap's collapse
    /// drops <c>collapsing</c> at the end): a click on a link of the still-opening menu was twice lost in full runs.
    /// </summary>
    public static async Task OpenPhoneMenuAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).ClickAsync();
        await page.Locator("#main-nav.show:not(.collapsing)").WaitForAsync();
    }

    /// <summary>True when the page does not scroll sideways (the phone checks).</summary>
    public static async Task<bool> FitsTheScreenAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    public async Task CheckAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await KeepHtmlAsync(page, name);
        await ScreenshotAtBothWidthsAsync(page, name);
        var results = await page.RunAxe(WcagRules);
        var violations = results.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(violations.Count == 0, $"axe found problems on {name} ({page.Url}):\n" + string.Join("\n", violations));
        Assert.True(_consoleErrors.Count == 0, "The browser logged errors:\n" + string.Join("\n", _consoleErrors));
    }

    /// <summary>
    /// Saves the body of the page's main-document response (what the server sent); if there is none for this
    /// address (a page reached by script, or a body the browser no longer holds), the live DOM instead.
    /// </summary>
    private async Task KeepHtmlAsync(IPage page, string name)
    {
        string? html = null;
        if (_document is not null && WithoutFragment(_document.Url) == WithoutFragment(page.Url))
        {
            try
            {
                html = await _document.TextAsync();
            }
            catch (PlaywrightException)
            {
                html = null;
            }
        }

        html ??= await page.ContentAsync();
        await File.WriteAllTextAsync(Path.Combine(LiveApp.HtmlFolder, $"{name}.html"), html);
    }

    private static string WithoutFragment(string url) => url.Split('#')[0];

    private static async Task ScreenshotAtBothWidthsAsync(IPage page, string name)
    {
        var viewport = page.ViewportSize ?? new PageViewportSizeResult { Width = 1280, Height = 720 };
        foreach (var width in ScreenshotWidths.OrderBy(w => w == viewport.Width ? 0 : 1))
        {
            if (width != viewport.Width)
            {
                await page.SetViewportSizeAsync(width, viewport.Height);
            }

            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(LiveApp.ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
        }

        if (page.ViewportSize?.Width != viewport.Width)
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        }
    }
}
