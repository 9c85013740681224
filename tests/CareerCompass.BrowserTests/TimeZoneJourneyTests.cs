using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

public sealed class TimeZoneJourneyTests(LiveApp live) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task A_person_in_Berlin_gets_their_zone_from_the_browser_and_changes_it_in_settings_on_a_phone()
    {
        await using var context = await live.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = live.BaseUrl,
            TimezoneId = "Europe/Berlin",
            ViewportSize = new ViewportSize { Width = 375, Height = 812 },
            IsMobile = true,
            HasTouch = true,
        });
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);

        await page.GotoAsync("/Identity/Account/Register");
        await Assertions.Expect(page.Locator("#registerForm input[name='Input.TimeZone']")).ToHaveValueAsync("Europe/Berlin");
        var email = await page.SignUpAndSignInAsync(live);
        var stored = await live.App.ReadAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TimeZone).SingleAsync());
        Assert.Equal("Europe/Berlin", stored);

        await PageChecks.OpenPhoneMenuAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settings", Level = 1 })).ToBeVisibleAsync();
        var zone = page.GetByLabel("Your time zone");
        await Assertions.Expect(zone).ToHaveValueAsync("Europe/Berlin");
        await checks.CheckAsync(page, "phone-settings");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "Settings scrolls sideways on a phone.");

        await zone.SelectOptionAsync("Asia/Tokyo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save time zone" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved. Your time zone is Tokyo");
        await Assertions.Expect(zone).ToHaveValueAsync("Asia/Tokyo");
        await checks.CheckAsync(page, "phone-settings-saved");
    }

    [Fact]
    public async Task The_time_zone_list_is_reachable_and_changeable_with_the_keyboard_alone()
    {
        await using var context = await live.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = live.BaseUrl, TimezoneId = "America/New_York" });
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);

        await page.GotoAsync("/Settings");
        var zone = page.GetByLabel("Your time zone");
        await Assertions.Expect(zone).ToHaveValueAsync("America/New_York");
        await zone.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        var moved = await zone.InputValueAsync();
        Assert.NotEqual("America/New_York", moved);
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save time zone" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved. Your time zone is");
        await Assertions.Expect(zone).ToHaveValueAsync(moved);
        await checks.CheckAsync(page, "desktop-settings-keyboard");
    }
}
