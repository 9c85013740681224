using System.Net;
using CareerCompass.Web.Areas.Identity.Pages.Account;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>Requests the attack pass sent that answered 500: each now gets a clear page, with the security headers.</summary>
public sealed class HostileRequestTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Theory]
    [InlineData("Input[")]
    [InlineData("[")]
    [InlineData("Input.Email[0")]
    [InlineData("a]b[c")]
    public async Task A_field_name_with_an_unclosed_bracket_gets_the_form_again_not_a_500(string name)
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/Identity/Account/Login");

        var page = await browser.SubmitAsync(form, "#account", new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@example.org",
            ["Input.Password"] = "not a real password",
            [name] = "x",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([Login.FailedMessage], page.Errors);
        Assert.True(page.Response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task A_remember_me_that_is_not_yes_or_no_gets_a_message_and_is_not_echoed()
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/Identity/Account/Login");
        var huge = new string('y', 1_000_000);

        var maybe = await browser.SubmitAsync(form, "#account", new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@example.org",
            ["Input.Password"] = "not a real password",
            ["Input.RememberMe"] = "maybe",
        });
        var flood = await browser.SubmitAsync(form, "#account", new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@example.org",
            ["Input.Password"] = "not a real password",
            ["Input.RememberMe"] = huge,
        });

        Assert.Equal(HttpStatusCode.OK, maybe.Status);
        Assert.Contains("That doesn't look right. Please choose yes or no.", maybe.Errors);
        Assert.Equal(HttpStatusCode.OK, flood.Status);
        Assert.InRange(flood.Html.Length, 1, 100_000);
    }

    [Fact]
    public async Task The_error_page_asked_for_directly_is_a_404()
    {
        using var browser = app.NewBrowser();

        var get = await browser.GetAsync("/Error");
        var form = await browser.GetAsync("/Identity/Account/Login");
        var post = await browser.PostAsync("/Error", [new("__RequestVerificationToken", form.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!)]);

        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Contains("We couldn't find that page", get.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
    }

    [Theory]
    [InlineData("/no/such/page")]
    [InlineData("/Goals/Nothing/Here/At/All")]
    [InlineData("/wp-login.php")]
    [InlineData("/.env")]
    public async Task A_visitor_following_a_stale_link_gets_the_friendly_404_not_the_sign_in_page(string path)
    {
        using var browser = app.NewBrowser();

        var page = await browser.GetAsync(path, followRedirects: false);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("We couldn't find that page", page.Text, StringComparison.Ordinal);
        Assert.True(page.Response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task Protected_pages_still_ask_a_visitor_to_sign_in()
    {
        using var browser = app.NewBrowser();

        var page = await browser.GetAsync("/Goals", followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Contains("/Identity/Account/Login", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_and_personal_data_are_never_cached_but_static_files_may_be()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();

        var dashboard = await browser.GetAsync("/");
        var personal = await browser.GetAsync("/Identity/Account/Manage/PersonalData");
        var download = await browser.SubmitAsync(personal, "#download-data", followRedirects: false);
        var css = dashboard.Document.QuerySelector("link[href*='site']")?.GetAttribute("href")
            ?? dashboard.Document.QuerySelector("link[rel='stylesheet']")!.GetAttribute("href")!;
        using var cssResponse = await browser.Client.GetAsync(css);

        Assert.True(dashboard.Response.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.True(download.Response.Headers.CacheControl!.NoStore);
        Assert.Equal(HttpStatusCode.OK, cssResponse.StatusCode);
        Assert.False(cssResponse.Headers.CacheControl?.NoStore ?? false);
        browser.Dispose();
    }
}
