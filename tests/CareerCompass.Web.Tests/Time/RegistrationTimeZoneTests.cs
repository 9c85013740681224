using System.Net;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Time;

public sealed class RegistrationTimeZoneTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private Task<string> StoredZoneAsync(string email) =>
        app.ReadAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.TimeZone).SingleAsync());

    [Fact]
    public async Task The_form_carries_a_hidden_time_zone_field_that_a_script_file_fills()
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/Identity/Account/Register");

        var field = form.Document.QuerySelector("#registerForm input[name='Input.TimeZone']")!;
        Assert.Equal("hidden", field.GetAttribute("type"));
        Assert.True(field.HasAttribute("data-time-zone"));
        Assert.Contains(form.Document.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/time-zone", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Pacific/Auckland", "Pacific/Auckland")]
    [InlineData("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires")]
    [InlineData("europe/berlin", "Europe/Berlin")]
    [InlineData("Asia/Calcutta", "Asia/Calcutta")]
    public async Task A_zone_the_browser_reports_is_stored_with_the_account(string sent, string stored)
    {
        using var browser = app.NewBrowser();
        var email = People.NewEmail("zone");

        var page = await browser.RegisterAsync(email, timeZone: sent);

        Assert.Contains("/Identity/Account/RegisterConfirmation", page.Url.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(stored, await StoredZoneAsync(email));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("Pacific Standard Time")]
    [InlineData("../../../etc/passwd")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Anything_else_means_UTC_and_never_an_error(string sent)
    {
        using var browser = app.NewBrowser();
        var email = People.NewEmail("utc");

        var page = await browser.RegisterAsync(email, timeZone: sent);

        Assert.Empty(page.Errors);
        Assert.Contains("/Identity/Account/RegisterConfirmation", page.Url.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("UTC", await StoredZoneAsync(email));
    }

    [Fact]
    public async Task Without_the_field_at_all_the_account_is_on_UTC()
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/Identity/Account/Register");
        var token = form.Document.QuerySelector("#registerForm input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var email = People.NewEmail("nofield");

        var page = await browser.PostAsync("/Identity/Account/Register", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = People.GoodPassword,
            ["Input.ConfirmPassword"] = People.GoodPassword,
        });

        Assert.Contains("/Identity/Account/RegisterConfirmation", page.Url.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal("UTC", await StoredZoneAsync(email));
    }

    [Fact]
    public async Task A_form_sent_back_with_a_mistake_keeps_a_known_zone_and_drops_an_unknown_one()
    {
        using var browser = app.NewBrowser();

        var known = await browser.RegisterAsync(People.NewEmail(), People.GoodPassword, "not the same", timeZone: "Europe/London");
        var unknown = await browser.RegisterAsync(People.NewEmail(), People.GoodPassword, "not the same", timeZone: new string('x', 5000));

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal("Europe/London", known.Document.QuerySelector("#Input_TimeZone")!.GetAttribute("value"));
        Assert.Equal(string.Empty, unknown.Document.QuerySelector("#Input_TimeZone")!.GetAttribute("value") ?? string.Empty);
        Assert.DoesNotContain("xxxxxxxxxx", unknown.Html, StringComparison.Ordinal);
    }
}
