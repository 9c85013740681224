using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

public sealed class ErrorSummaryJourneyTests(LiveApp live) : IClassFixture<LiveApp>
{
    private static Task<bool> FocusIsOnAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => document.activeElement !== null && document.activeElement.matches(s)", selector);

    [Fact]
    public async Task After_a_failed_save_focus_is_on_the_error_summary_and_its_link_puts_the_cursor_in_the_field()
    {
        await using var context = await live.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);
        await page.GotoAsync("/Reflection/Priorities");

        await page.GetByLabel("Hours a week you can invest in your career plan").FillAsync("200");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

        var summary = page.Locator("[data-error-summary]");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        await Assertions.Expect(summary).ToBeFocusedAsync();
        Assert.True(await FocusIsOnAsync(page, "[data-error-summary]"));
        await checks.CheckAsync(page, "error-summary-01-focused");
        Assert.True(await PageChecks.FitsTheScreenAsync(page));

        var link = summary.GetByRole(AriaRole.Link).First;
        await Assertions.Expect(link).ToContainTextAsync("0 to 80");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(link).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByLabel("Hours a week you can invest in your career plan")).ToBeFocusedAsync();
        await checks.CheckAsync(page, "error-summary-02-field-focused");
    }
}
