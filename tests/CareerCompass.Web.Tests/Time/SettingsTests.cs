using System.Net;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Time;

public sealed class SettingsTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    private Task<string> StoredZoneAsync(string email) =>
        app.ReadAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TimeZone).SingleAsync());

    private static Task<WebPage> SaveZoneAsync(TestBrowser browser, WebPage settings, string zone) =>
        browser.SubmitAsync(settings, "#time-zone-form", new Dictionary<string, string> { ["Zone.Id"] = zone });

    [Fact]
    public async Task Settings_is_in_the_main_menu_and_shows_a_labelled_list_of_zones_by_region_with_the_persons_own_selected()
    {
        app.Clock.SetTo(Now);
        var (browser, _) = await app.NewSignedInPersonAsync("settings", "Pacific/Auckland");

        var home = await browser.GetAsync("/");
        var page = await browser.GetAsync("/Settings");

        Assert.NotNull(home.Document.QuerySelectorAll("nav[aria-label='Main'] a").SingleOrDefault(a => a.TextContent.Trim() == "Settings" && a.GetAttribute("href") == "/Settings"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var select = page.Document.QuerySelector("#time-zone-form select#Zone_Id")!;
        Assert.Equal("Your time zone", page.Document.QuerySelector("label[for='Zone_Id']")!.TextContent.Trim());
        Assert.Equal("Zone.Id", select.GetAttribute("name"));
        var selected = Assert.Single(select.QuerySelectorAll("option[selected]"));
        Assert.Equal("Pacific/Auckland", selected.GetAttribute("value"));
        Assert.Equal("Auckland (UTC+13:00)", selected.TextContent);
        var regions = select.QuerySelectorAll("optgroup").Select(g => g.GetAttribute("label")).ToList();
        Assert.Contains("Europe", regions);
        Assert.Contains("America / Argentina", regions);
        Assert.Equal("Other", regions[^1]);
        Assert.Contains(select.QuerySelectorAll("optgroup[label='Other'] option"), o => o.GetAttribute("value") == "UTC");
        Assert.True(select.QuerySelectorAll("option").Length > 300);
        Assert.Contains("Right now it's 22:00 on Sunday 22 November in Auckland", page.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Saving_a_zone_stores_it_says_so_and_this_sign_in_follows_it_at_once()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("mover", "Pacific/Auckland");
        var settings = await browser.GetAsync("/Settings");

        var saved = await browser.SubmitAsync(settings, "#time-zone-form", new Dictionary<string, string> { ["Zone.Id"] = "Europe/Berlin" }, followRedirects: false);
        var shown = await browser.GetAsync(saved.Location!);
        var devices = await browser.GetAsync("/Identity/Account/Manage/Sessions");

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        Assert.Equal("Europe/Berlin", await StoredZoneAsync(email));
        Assert.Contains("Saved. Your time zone is Berlin — it's 10:00 on Sunday 22 November there now.", shown.Text, StringComparison.Ordinal);
        Assert.Equal("Europe/Berlin", shown.Document.QuerySelector("#Zone_Id option[selected]")!.GetAttribute("value"));
        Assert.Contains("your time zone, Europe/Berlin", devices.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Another_device_follows_a_new_zone_within_30_seconds_without_signing_in_again()
    {
        app.Clock.SetTo(Now);
        var (phone, email) = await app.NewSignedInPersonAsync("twodevices", "UTC");
        using var laptop = await app.SignInAgainAsync(email);

        await SaveZoneAsync(phone, await phone.GetAsync("/Settings"), "Asia/Tokyo");
        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var devices = await laptop.GetAsync("/Identity/Account/Manage/Sessions");

        Assert.Contains("your time zone, Asia/Tokyo", devices.Text, StringComparison.Ordinal);
        phone.Dispose();
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    [InlineData("Pacific Standard Time")]
    [InlineData("../../etc/passwd")]
    public async Task An_unknown_zone_gets_a_clear_message_at_the_field_and_changes_nothing(string zone)
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("unknown", "Pacific/Auckland");

        var page = await SaveZoneAsync(browser, await browser.GetAsync("/Settings"), zone);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("We don't know that time zone. Please choose one from the list.", page.Document.QuerySelector("#time-zone-error")!.TextContent.Trim());
        var select = page.Document.QuerySelector("#Zone_Id")!;
        Assert.Equal("true", select.GetAttribute("aria-invalid"));
        Assert.Contains("time-zone-error", select.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Pacific/Auckland", select.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.DoesNotContain("Saved.", page.Text, StringComparison.Ordinal);
        Assert.Equal("Pacific/Auckland", await StoredZoneAsync(email));
        browser.Dispose();
    }

    [Fact]
    public async Task A_save_without_a_valid_antiforgery_token_gets_the_friendly_400_and_changes_nothing()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("forged", "Pacific/Auckland");

        var page = await browser.SubmitAsync(await browser.GetAsync("/Settings"), "#time-zone-form", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "stale",
            ["Zone.Id"] = "Europe/Berlin",
        });
        var noToken = await browser.PostAsync("/Settings?handler=TimeZone", [new("Zone.Id", "Europe/Berlin")]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("That request didn't go through", page.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.Status);
        Assert.Equal("Pacific/Auckland", await StoredZoneAsync(email));
        browser.Dispose();
    }

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_can_change_nobodys_zone()
    {
        using var visitor = app.NewBrowser();
        var form = await visitor.GetAsync("/Identity/Account/Login");

        var page = await visitor.GetAsync("/Settings", followRedirects: false);
        var post = await visitor.SubmitAsync(form, "#account", new Dictionary<string, string> { ["Zone.Id"] = "Europe/Berlin" }, followRedirects: false, action: "/Settings?handler=TimeZone");

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/Identity/Account/Login", page.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        Assert.StartsWith("http://localhost/Identity/Account/Login", post.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_in_devices_shows_times_on_the_persons_clock()
    {
        app.Clock.SetTo(Now);
        var (browser, _) = await app.NewSignedInPersonAsync("devices", "Pacific/Auckland");

        var page = await browser.GetAsync("/Identity/Account/Manage/Sessions");

        Assert.Contains("Signed in 22 Nov 2026, 22:00", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("UTC", page.Document.QuerySelector("#session-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("your time zone, Pacific/Auckland", page.Text, StringComparison.Ordinal);
        browser.Dispose();
    }
}
