using System.Net;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Sessions;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Accounts;

/// <summary>Sessions live on the server: ending one — by signing out, from another device, by a password change — is immediate.</summary>
public sealed class SessionTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task A_cookie_copied_before_signing_out_stops_working_at_once()
    {
        var email = People.NewEmail();
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(email);
        await browser.ConfirmFromMailAsync(app.Mailbox, email);
        var cookie = await SignInAndCopyCookieAsync(browser, email);

        using var thief = CookieClient(cookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/Contacts")).StatusCode);

        await browser.SignOutAsync();

        var after = await thief.GetAsync("/Contacts");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Identity/Account/Login", after.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cookie_holds_a_key_and_the_ticket_is_kept_on_the_server()
    {
        var email = People.NewEmail();
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(email);
        await browser.ConfirmFromMailAsync(app.Mailbox, email);
        var cookie = await SignInAndCopyCookieAsync(browser, email);

        Assert.InRange(cookie.Length, 1, 600);
        var userId = await app.UserIdAsync(email);
        Assert.Equal(1, await app.ReadAsync(db => db.AuthSessions.CountAsync(s => s.UserId == userId)));
    }

    [Fact]
    public async Task Sign_out_everywhere_else_lists_the_devices_and_ends_the_others_at_once()
    {
        var email = People.NewEmail();
        using var laptop = NewBrowser("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0");
        using var phone = NewBrowser("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36");
        await laptop.RegisterAsync(email);
        await laptop.ConfirmFromMailAsync(app.Mailbox, email);
        await laptop.SignInAsync(email);
        await phone.SignInAsync(email);

        var page = await laptop.GetAsync("/Identity/Account/Manage/Sessions");
        var rows = page.Document.QuerySelectorAll("#session-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Firefox on Windows", rows[0], StringComparison.Ordinal);
        Assert.Contains("This device", rows[0], StringComparison.Ordinal);
        Assert.Contains("Chrome on Android", rows[1], StringComparison.Ordinal);

        var done = await laptop.SubmitAsync(page, "#end-others");
        Assert.Contains("Signed out of 1 other device.", done.Text, StringComparison.Ordinal);
        Assert.Single(done.Document.QuerySelectorAll("#session-list li"));

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/Contacts", followRedirects: false)).Status);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/Contacts", followRedirects: false)).Status);
    }

    [Fact]
    public async Task A_session_id_of_someone_else_ends_nothing()
    {
        var (mine, _) = await app.NewSignedInPersonAsync("mine");
        var (theirs, theirEmail) = await app.NewSignedInPersonAsync("theirs");
        var theirId = await app.UserIdAsync(theirEmail);
        var theirSession = await app.ReadAsync(db => db.AuthSessions.Where(s => s.UserId == theirId).Select(s => s.Id).SingleAsync());

        var page = await mine.GetAsync("/Identity/Account/Manage/Sessions");
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var answer = await mine.PostAsync($"/Identity/Account/Manage/Sessions?handler=End&id={theirSession}", [new("__RequestVerificationToken", token)]);

        Assert.Contains("That device was already signed out.", answer.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await theirs.GetAsync("/Contacts", followRedirects: false)).Status);
        mine.Dispose();
        theirs.Dispose();
    }

    [Fact]
    public async Task Changing_the_password_signs_out_other_sessions_at_once()
    {
        var (laptop, email) = await app.NewSignedInPersonAsync();
        using var phone = app.NewBrowser();
        await phone.SignInAsync(email);

        var form = await laptop.GetAsync("/Identity/Account/Manage/ChangePassword");
        await laptop.SubmitAsync(form, "#change-password-form", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = People.GoodPassword,
            ["Input.NewPassword"] = "a brand new sentence for winter",
            ["Input.ConfirmPassword"] = "a brand new sentence for winter",
        });

        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetAsync("/Contacts", followRedirects: false)).Status);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync("/Contacts", followRedirects: false)).Status);
        laptop.Dispose();
    }

    [Fact]
    public async Task Deleting_the_account_ends_its_other_sessions_at_once()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        using var other = app.NewBrowser();
        await other.SignInAsync(email);

        var form = await browser.GetAsync("/Identity/Account/Manage/DeletePersonalData");
        await browser.SubmitAsync(form, "#delete-user", new Dictionary<string, string> { ["Input.Password"] = People.GoodPassword });

        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/Contacts", followRedirects: false)).Status);
        browser.Dispose();
    }

    [Fact]
    public async Task Two_instances_sharing_the_database_share_the_sessions()
    {
        // A second instance on the same database and key ring, as behind a load balancer.
        using var second = new CareerCompassFactory();
        second.ShareDatabaseWith(app);
        second.Settings["DataProtection:KeysDirectory"] = Path.Combine(app.DataRoot, "keys");
        var email = People.NewEmail();
        using var browser = app.NewBrowser();
        await browser.RegisterAsync(email);
        await browser.ConfirmFromMailAsync(app.Mailbox, email);
        var cookie = await SignInAndCopyCookieAsync(browser, email);

        using var onSecond = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        onSecond.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync("/Contacts")).StatusCode);

        await browser.SignOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await onSecond.GetAsync("/Contacts")).StatusCode);
    }

    [Fact]
    public async Task Someone_signing_in_on_a_shared_browser_never_inherits_the_last_persons_session_key()
    {
        var (_, attacker) = await app.NewSignedInPersonAsync("attacker");
        var (_, victim) = await app.NewSignedInPersonAsync("victim");
        using var shared = app.NewBrowser();
        var attackersCopy = await SignInAndCopyCookieAsync(shared, attacker);

        // The victim opens the sign-in page on the same browser, without signing out first.
        await shared.SignInAsync(victim);

        using var thief = CookieClient(attackersCopy);
        var stolen = await thief.GetAsync("/Identity/Account/Manage/Email");
        Assert.Equal(HttpStatusCode.Redirect, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await shared.GetAsync("/Contacts", followRedirects: false)).Status);
        var victimId = await app.UserIdAsync(victim);
        // Their first browser and this one: both are theirs, and both are listed on "Signed-in devices".
        Assert.Equal(2, await app.ReadAsync(db => db.AuthSessions.CountAsync(s => s.UserId == victimId)));
    }

    [Fact]
    public async Task A_session_key_renewed_with_another_persons_ticket_is_ended_not_handed_over()
    {
        // The cookie handler keeps the key it read when someone signs in over a live session: the store must not let
        // that key, which the earlier holder may have copied, carry the new person's sign-in.
        var store = app.Services.GetRequiredService<DatabaseTicketStore>();
        var (_, attacker) = await app.NewSignedInPersonAsync("attacker");
        var (_, victim) = await app.NewSignedInPersonAsync("victim");
        var attackerId = await app.UserIdAsync(attacker);
        var victimId = await app.UserIdAsync(victim);

        var key = await store.StoreAsync(Ticket(attackerId));
        await store.RenewAsync(key, Ticket(victimId));

        Assert.Null(await store.RetrieveAsync(key));
        Assert.Equal(0, await app.ReadAsync(db => db.AuthSessions.CountAsync(s => s.Id == key)));
    }

    private static Microsoft.AspNetCore.Authentication.AuthenticationTicket Ticket(string userId) =>
        new(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId)], "Identity.Application")), "Identity.Application");

    [Fact]
    public async Task Static_files_are_served_without_reading_the_session()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var home = await browser.GetAsync("/");
        var css = home.Document.QuerySelector("link[rel='stylesheet']")!.GetAttribute("href")!;

        app.Queries.Reset();
        using var response = await browser.Client.GetAsync(css);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, app.Queries.Count);
        browser.Dispose();
    }

    [Theory]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1", "Safari on iPhone")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge on a Mac")]
    [InlineData("curl/8.5.0", "An unknown device")]
    [InlineData(null, "An unknown device")]
    public void Devices_get_names_a_person_recognises(string? userAgent, string expected) =>
        Assert.Equal(expected, DeviceName.From(userAgent));

    private TestBrowser NewBrowser(string userAgent)
    {
        var browser = app.NewBrowser();
        browser.Client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return browser;
    }

    private static async Task<string> SignInAndCopyCookieAsync(TestBrowser browser, string email)
    {
        var form = await browser.GetAsync("/Identity/Account/Login");
        var signedIn = await browser.SubmitAsync(form, "#account", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = People.GoodPassword,
        }, followRedirects: false);
        var setCookie = signedIn.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("CareerCompass.Auth=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private HttpClient CookieClient(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }
}
