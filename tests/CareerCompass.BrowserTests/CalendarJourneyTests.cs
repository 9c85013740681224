using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

public sealed class CalendarJourneyTests(LiveApp live) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task A_person_on_a_phone_finds_their_private_calendar_address_and_makes_a_new_one()
    {
        await using var context = await live.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = live.BaseUrl,
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);

        await page.GotoAsync("/Reviews/Calendar");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your dates in your own calendar", Level = 1 })).ToBeVisibleAsync();
        var address = page.GetByLabel("Your private address");
        var before = await address.InputValueAsync();
        Assert.Contains("/calendar/", before, StringComparison.Ordinal);
        await checks.CheckAsync(page, "phone-calendar");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The calendar page scrolls sideways on a phone.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Make a new private address" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The old one has stopped working");
        Assert.NotEqual(before, await address.InputValueAsync());
        await checks.CheckAsync(page, "phone-calendar-renewed");
    }
}
