using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

/// <summary>What every visited page must pass: axe finds nothing serious or critical, and the browser logged no errors.</summary>
public sealed class PageChecks
{
    private readonly List<string> _consoleErrors = [];

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
    }

    /// <summary>True when the page does not scroll sideways (the phone checks).</summary>
    public static async Task<bool> FitsTheScreenAsync(IPage page) =>
        await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    public async Task CheckAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(LiveApp.ScreenshotFolder, $"{name}.png"), FullPage = true });
        var results = await page.RunAxe();
        var serious = results.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe found problems on {name} ({page.Url}):\n" + string.Join("\n", serious));
        Assert.True(_consoleErrors.Count == 0, "The browser logged errors:\n" + string.Join("\n", _consoleErrors));
    }
}
