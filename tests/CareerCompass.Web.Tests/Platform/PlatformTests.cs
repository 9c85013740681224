using System.Net;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Platform;

public sealed class PlatformTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [SqliteOnlyFact]
    public void Start_up_creates_the_database_and_the_mail_folder()
    {
        using var fresh = new CareerCompassFactory();
        Assert.False(Directory.Exists(fresh.Mailbox.Folder));

        _ = fresh.Server;

        Assert.True(File.Exists(fresh.DatabasePath));
        Assert.True(Directory.Exists(fresh.Mailbox.Folder));
    }

    [Fact]
    public async Task Health_says_Healthy_and_nothing_more()
    {
        using var browser = app.NewBrowser();
        var health = await browser.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("Healthy", health.Html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(path, followRedirects: false);
        var headers = page.Response.Headers;

        var csp = Assert.Single(headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Privacy")]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/Register")]
    [InlineData("/Identity/Account/ForgotPassword")]
    [InlineData("/Identity/Account/ResendEmailConfirmation")]
    public async Task Pages_use_no_inline_script_and_nothing_from_another_site(string path)
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var script in page.Document.QuerySelectorAll("script"))
        {
            var src = script.GetAttribute("src");
            Assert.False(string.IsNullOrEmpty(src), $"Inline script on {path}: {script.OuterHtml}");
            Assert.StartsWith("/", src, StringComparison.Ordinal);
            Assert.False(src.StartsWith("//", StringComparison.Ordinal), src);
        }

        foreach (var link in page.Document.QuerySelectorAll("link[href]"))
        {
            Assert.StartsWith("/", link.GetAttribute("href"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Account_pages_for_a_signed_in_person_use_no_inline_script_either()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        foreach (var path in new[]
        {
            "/Identity/Account/Manage", "/Identity/Account/Manage/Email", "/Identity/Account/Manage/ChangePassword",
            "/Identity/Account/Manage/TwoFactorAuthentication", "/Identity/Account/Manage/EnableAuthenticator",
            "/Identity/Account/Manage/PersonalData", "/Identity/Account/Manage/DeletePersonalData", "/Contacts", "/Contacts/Edit",
            "/Settings", "/Identity/Account/Manage/Sessions",
        })
        {
            var page = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.All(page.Document.QuerySelectorAll("script"), s => Assert.StartsWith("/", s.GetAttribute("src") ?? $"inline script on {path}", StringComparison.Ordinal));
            Assert.NotNull(page.Document.QuerySelector("a.skip-link"));
        }

        browser.Dispose();
    }

    [Fact]
    public async Task An_unexpected_failure_gets_the_friendly_500_page_without_technical_details()
    {
        var (_, email) = await app.NewSignedInPersonAsync();
        using var failing = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add(new ThrowOnBoom()))));
        using var browser = new TestBrowser(failing.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await browser.SignInAsync(email);

        var page = await browser.GetAsync("/?boom=1");
        var html = page.Html;

        Assert.Equal(HttpStatusCode.InternalServerError, page.Status);
        Assert.Contains("Something went wrong on our side", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain("at Program", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_https_the_sign_in_cookie_is_marked_secure()
    {
        using var secure = new CareerCompassFactory();
        secure.Settings["App:PublicBaseUrl"] = "https://careercompass.example"; // HSTS is never sent to localhost
        using var signUp = new TestBrowser(secure.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://careercompass.example"),
            AllowAutoRedirect = false,
        }));
        var email = People.NewEmail();
        await signUp.RegisterAsync(email);
        await signUp.ConfirmFromMailAsync(secure.Mailbox, email);
        using var client = secure.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://careercompass.example"),
            AllowAutoRedirect = false,
        });
        using var browser = new TestBrowser(client);
        var form = await browser.GetAsync("/Identity/Account/Login");

        var response = await browser.SubmitAsync(form, "#account", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = People.GoodPassword,
        }, followRedirects: false);

        var auth = response.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("CareerCompass.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=", string.Join(";", response.Response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_is_served_by_the_app()
    {
        using var browser = app.NewBrowser();
        var home = await browser.GetAsync("/");
        var css = home.Document.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        var js = home.Document.QuerySelector("script[src*='bootstrap']")!.GetAttribute("src")!;

        var cssResponse = await browser.Client.GetAsync(css);
        var jsResponse = await browser.Client.GetAsync(js);

        Assert.Equal(HttpStatusCode.OK, cssResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, jsResponse.StatusCode);
        var body = await cssResponse.Content.ReadAsStringAsync();
        Assert.True(body.Contains("Bootstrap", StringComparison.Ordinal), $"{cssResponse.Content.Headers} {string.Join(",", cssResponse.Headers)} len={body.Length} url={css}");
    }

    [Fact]
    public async Task A_missing_page_gets_the_friendly_404()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("We couldn't find that page", page.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task The_landing_page_explains_the_journey_with_a_skip_link_and_landmarks()
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync("/");

        Assert.Contains("How it works", page.Text, StringComparison.Ordinal);
        foreach (var step in new[] { "Reflect", "Set SMART goals", "Break them down", "Review and adjust" })
        {
            Assert.Contains(step, page.Text, StringComparison.Ordinal);
        }

        Assert.Equal("#main", page.Document.QuerySelector("a.skip-link")!.GetAttribute("href"));
        Assert.NotNull(page.Document.QuerySelector("header nav"));
        Assert.NotNull(page.Document.QuerySelector("main#main"));
        Assert.NotNull(page.Document.QuerySelector("footer"));
        Assert.Contains("width=device-width", page.Document.QuerySelector("meta[name=viewport]")!.GetAttribute("content"), StringComparison.Ordinal);
    }

    [Fact]
    public void At_least_a_thousand_common_passwords_ship_with_the_app()
    {
        Assert.True(Web.Infrastructure.Security.CommonPasswordValidator.Count >= 1000);
        Assert.True(Web.Infrastructure.Security.CommonPasswordValidator.IsCommon("QWERTYUIOPASDFGHJKL"));
        Assert.False(Web.Infrastructure.Security.CommonPasswordValidator.IsCommon("lanterns drift over quiet harbours"));
    }

    /// <summary>A route that fails, added only in this test, to see what a person would see.</summary>
    /// <summary>A page that fails as a bug would: inside the app's own pipeline, after routing and sign-in.</summary>
    private sealed class ThrowOnBoom : Microsoft.AspNetCore.Mvc.Filters.IPageFilter
    {
        public void OnPageHandlerSelected(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
        {
            if (context.HttpContext.Request.Query.ContainsKey("boom")
                && context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is null)
            {
                throw new InvalidOperationException("boom");
            }
        }

        public void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context)
        {
        }
    }
}
