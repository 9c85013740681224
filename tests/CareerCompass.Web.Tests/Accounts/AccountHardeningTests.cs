using System.Diagnostics;
using System.Net;
using CareerCompass.Web.Areas.Identity.Pages.Account;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Accounts;

/// <summary>The account findings of the attack pass: forged hosts, lock-out by strangers, learning who has an account.</summary>
public sealed class AccountHardeningTests(CareerCompassFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task A_forged_Host_header_is_refused_and_mails_nothing()
    {
        var (_, victim) = await app.NewSignedInPersonAsync("victim");
        using var attacker = app.NewBrowser();
        var form = await attacker.GetAsync("/Identity/Account/ForgotPassword");
        var token = form.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent([new("Input.Email", victim), new("__RequestVerificationToken", token)]),
        };
        forged.Headers.Host = "evil.example";
        using var response = await attacker.Client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
        await Task.Delay(500);
        Assert.Empty(app.Mailbox.To(victim, "Reset your"));
    }

    [Fact]
    public async Task Links_in_mails_come_from_the_public_address_not_from_the_request()
    {
        var (_, email) = await app.NewSignedInPersonAsync();
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/Identity/Account/ForgotPassword");
        var token = form.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        // 127.0.0.1 is served (a loopback alias of the configured http://localhost), yet links must not use it.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Identity/Account/ForgotPassword")
        {
            Content = new FormUrlEncodedContent([new("Input.Email", email), new("__RequestVerificationToken", token)]),
        };
        request.Headers.Host = "127.0.0.1:8080";
        using var response = await browser.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var mail = await app.Mailbox.WaitForAsync(email, "Reset your");
        var link = Assert.Single(mail.Links, l => l.Contains("ResetPassword", StringComparison.Ordinal));
        Assert.StartsWith("http://localhost/Identity/Account/ResetPassword?code=", link, StringComparison.Ordinal);
        Assert.All(app.Mailbox.All().SelectMany(m => m.Links), l => Assert.StartsWith("http://localhost/", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_confirmation_answers_the_same_whether_or_not_the_address_has_an_account()
    {
        var (_, email) = await app.NewSignedInPersonAsync();
        using var stranger = app.NewBrowser();

        var known = await stranger.GetAsync($"/Identity/Account/RegisterConfirmation?email={Uri.EscapeDataString(email)}");
        var unknown = await stranger.GetAsync($"/Identity/Account/RegisterConfirmation?email={Uri.EscapeDataString(People.NewEmail("nobody"))}");

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal(known.Document.QuerySelector("main")!.TextContent, unknown.Document.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain(email, known.Html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/Identity/Account/ForgotPassword", "#forgot-password")]
    [InlineData("/Identity/Account/ResendEmailConfirmation", "#resend-confirmation")]
    public async Task Forgot_password_and_resend_confirmation_answer_the_same_for_any_address(string path, string form)
    {
        var (_, confirmed) = await app.NewSignedInPersonAsync();
        using var waiting = app.NewBrowser();
        var unconfirmed = People.NewEmail("waiting");
        await waiting.RegisterAsync(unconfirmed);
        using var browser = app.NewBrowser();

        var answers = new List<(HttpStatusCode Status, string? Location, string Text)>();
        foreach (var email in new[] { confirmed, unconfirmed, People.NewEmail("nobody") })
        {
            var page = await browser.GetAsync(path);
            var posted = await browser.SubmitAsync(page, form, new Dictionary<string, string> { ["Input.Email"] = email }, followRedirects: false);
            var shown = await browser.GetAsync(posted.Location!);
            answers.Add((posted.Status, posted.Location, shown.Document.QuerySelector("main")!.TextContent));
        }

        Assert.Equal(HttpStatusCode.Redirect, answers[0].Status);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    [Fact]
    public async Task Signing_in_with_an_unknown_email_takes_as_long_as_with_a_wrong_password()
    {
        // Today's figures were ~6 ms for an unknown e-mail and ~130 ms for a wrong password: the password hash is the
        // difference. Medians over interleaved attempts, each account tried fewer times than the lock-out allows.
        var accounts = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            accounts.Add((await app.NewSignedInPersonAsync("timed")).Email);
        }

        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/Identity/Account/Login");
        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var round = 0; round < 9; round++)
        {
            unknown.Add(await TimeSignInAsync(browser, form, People.NewEmail("nobody")));
            wrong.Add(await TimeSignInAsync(browser, form, accounts[round % accounts.Count]));
        }

        var unknownMedian = unknown.Order().ElementAt(unknown.Count / 2);
        var wrongMedian = wrong.Order().ElementAt(wrong.Count / 2);
        output.WriteLine($"Median sign-in: unknown e-mail {unknownMedian:F1} ms, wrong password {wrongMedian:F1} ms");
        Assert.True(unknownMedian >= wrongMedian * 0.5, $"unknown e-mail {unknownMedian:F1} ms, wrong password {wrongMedian:F1} ms");
    }

    [Fact]
    public async Task The_mailed_unlock_link_ends_the_pause()
    {
        var (_, email) = await app.NewSignedInPersonAsync();
        using var browser = app.NewBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await browser.SignInAsync(email, "a stranger guessing");
        }

        Assert.Equal([Login.FailedMessage], (await browser.SignInAsync(email)).Errors);
        var notice = await app.Mailbox.WaitForAsync(email, "paused sign-in");
        var opened = await browser.GetAsync(new Uri(notice.Links.Single(l => l.Contains("/Account/Unlock", StringComparison.Ordinal))).PathAndQuery);

        // Opening the link (as a mail scanner would) changes nothing; pressing the button does.
        Assert.Equal([Login.FailedMessage], (await browser.SignInAsync(email)).Errors);
        var unlock = await browser.SubmitAsync(opened, "#unlock-form");
        Assert.Contains("You can sign in again", unlock.Text, StringComparison.Ordinal);

        var signedIn = await browser.SignInAsync(email);
        Assert.Contains("Your dashboard", signedIn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_altered_unlock_link_ends_nothing()
    {
        var (_, email) = await app.NewSignedInPersonAsync();
        using var browser = app.NewBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await browser.SignInAsync(email, "a stranger guessing");
        }

        var notice = await app.Mailbox.WaitForAsync(email, "paused sign-in");
        var link = new Uri(notice.Links.Single(l => l.Contains("/Account/Unlock", StringComparison.Ordinal))).PathAndQuery;
        var altered = await browser.GetAsync(link.Replace("code=", "code=AA", StringComparison.Ordinal));
        Assert.Contains("That link didn't work", altered.Text, StringComparison.Ordinal);
        Assert.Null(altered.Document.QuerySelector("#unlock-form"));
        var genuine = await browser.GetAsync(link);
        var token = genuine.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var forged = await browser.PostAsync("/Identity/Account/Unlock", [new("UserId", genuine.Document.QuerySelector("input[name='UserId']")!.GetAttribute("value")!), new("Code", "AA"), new("__RequestVerificationToken", token)]);
        Assert.Contains("That link didn't work", forged.Text, StringComparison.Ordinal);
        Assert.Equal([Login.FailedMessage], (await browser.SignInAsync(email)).Errors);
    }

    [Fact]
    public async Task A_password_reset_ends_the_pause()
    {
        var (_, email) = await app.NewSignedInPersonAsync();
        using var browser = app.NewBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await browser.SignInAsync(email, "a stranger guessing");
        }

        var forgot = await browser.GetAsync("/Identity/Account/ForgotPassword");
        await browser.SubmitAsync(forgot, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var link = (await app.Mailbox.WaitForAsync(email, "Reset your")).Links.Single(l => l.Contains("ResetPassword", StringComparison.Ordinal));
        var reset = await browser.GetAsync(new Uri(link).PathAndQuery);
        await browser.SubmitAsync(reset, "form[method='post']", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "a sentence only the owner knows",
            ["Input.ConfirmPassword"] = "a sentence only the owner knows",
        });

        var signedIn = await browser.SignInAsync(email, "a sentence only the owner knows");
        Assert.Contains("Your dashboard", signedIn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owners_own_browser_with_the_right_password_gets_in_during_a_pause_strangers_caused()
    {
        var (owner, email) = await app.NewSignedInPersonAsync();
        await owner.SignOutAsync();
        using var stranger = app.NewBrowser();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await stranger.SignInAsync(email, "a stranger guessing");
        }

        Assert.Equal([Login.FailedMessage], (await stranger.SignInAsync(email)).Errors);
        Assert.Contains("Your dashboard", (await owner.SignInAsync(email)).Text, StringComparison.Ordinal);
        owner.Dispose();
    }

    [Fact]
    public async Task Resetting_with_an_address_without_an_account_answers_as_a_wrong_link_does()
    {
        var (_, email) = await app.NewSignedInPersonAsync();
        using var stranger = app.NewBrowser();
        var code = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode("not a real token"u8.ToArray());

        async Task<WebPage> ResetAsync(string address)
        {
            var form = await stranger.GetAsync($"/Identity/Account/ResetPassword?code={code}");
            return await stranger.SubmitAsync(form, "form[method='post']", new Dictionary<string, string>
            {
                ["Input.Email"] = address,
                ["Input.Password"] = "a sentence only the owner knows",
                ["Input.ConfirmPassword"] = "a sentence only the owner knows",
            }, followRedirects: false);
        }

        var known = await ResetAsync(email);
        var unknown = await ResetAsync(People.NewEmail("nobody"));

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(["This link has expired or was already used. Please ask for a new one."], known.Errors);
        Assert.Equal(known.Errors, unknown.Errors);
    }

    [Theory]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    [InlineData("198.51.100.7", "198.51.100.7")]
    public void An_IPv6_client_counts_by_its_64_block(string address, string key)
    {
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);

        Assert.Equal(key, CareerCompass.Web.Infrastructure.Accounts.AccountThrottle.ClientAddress(context));
    }

    private static async Task<double> TimeSignInAsync(TestBrowser browser, WebPage form, string email)
    {
        var watch = Stopwatch.StartNew();
        var page = await browser.SubmitAsync(form, "#account", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "certainly not the password",
        }, followRedirects: false);
        watch.Stop();
        Assert.Equal([Login.FailedMessage], page.Errors);
        return watch.Elapsed.TotalMilliseconds;
    }
}

/// <summary>An app with low limits, so a test can reach them.</summary>
public sealed class ThrottledApp : CareerCompassFactory
{
    public ThrottledApp()
    {
        Settings["RateLimits:SignInPerAddressPerMinute"] = "100000";
        Settings["RateLimits:SignInFailuresPerAccountPerHour"] = "4";
    }
}

/// <summary>An app that takes three account forms an hour from one address.</summary>
public sealed class FormThrottledApp : CareerCompassFactory
{
    public FormThrottledApp() => Settings["RateLimits:AccountFormsPerAddressPerHour"] = "3";
}

public sealed class AccountThrottleTests(ThrottledApp app) : IClassFixture<ThrottledApp>
{
    [Fact]
    public async Task Wrong_passwords_are_throttled_per_account_with_a_429_and_Retry_After_but_not_the_owners_browser()
    {
        var (owner, email) = await app.NewSignedInPersonAsync("owner"); // this browser has signed in: it is trusted
        await owner.SignOutAsync();
        using var stranger = app.NewBrowser();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await stranger.SignInAsync(email, "guess number " + attempt)).Status);
        }

        var fifth = await stranger.SignInAsync(email, "guess number five");
        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.Status);
        Assert.True(int.Parse(fifth.Response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains(fifth.Errors, e => e.StartsWith("That's a lot of attempts in a short time", StringComparison.Ordinal));
        Assert.Equal(email, fifth.Document.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));

        // The owner, on a browser they have signed in on before, is not held up by a stranger's guesses.
        Assert.Contains("Your dashboard", (await owner.SignInAsync(email)).Text, StringComparison.Ordinal);
        owner.Dispose();
    }

    [Fact]
    public async Task An_address_without_an_account_is_throttled_the_same_so_a_429_tells_nothing()
    {
        using var stranger = app.NewBrowser();
        var nobody = People.NewEmail("nobody");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            statuses.Add((await stranger.SignInAsync(nobody, "guess number " + attempt)).Status);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_differently_written_address_for_the_same_account_shares_its_count()
    {
        var (_, email) = await app.NewSignedInPersonAsync("kate");
        using var stranger = app.NewBrowser();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await stranger.SignInAsync(email, "guess number " + attempt);
        }

        // The Kelvin sign normalises to K: Identity finds the same account, so the throttle must count it as one.
        var variant = "\u212A" + email[1..];
        Assert.Equal(HttpStatusCode.TooManyRequests, (await stranger.SignInAsync(variant, "guess number five")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await stranger.SignInAsync(email.ToUpperInvariant(), "guess number six")).Status);
    }
}

public sealed class AccountFormThrottleTests(FormThrottledApp app) : IClassFixture<FormThrottledApp>
{
    [Fact]
    public async Task Account_forms_are_throttled_per_client_address()
    {
        using var browser = app.NewBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var page = await browser.GetAsync("/Identity/Account/ForgotPassword");
            var posted = await browser.SubmitAsync(page, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = People.NewEmail() }, followRedirects: false);
            statuses.Add(posted.Status);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }
}
