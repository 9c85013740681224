using System.Net;
using System.Security.Cryptography;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Accounts;

public sealed class TwoFactorTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task An_authenticator_app_can_be_set_up_and_is_then_asked_for_at_sign_in()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var setup = await browser.GetAsync("/Identity/Account/Manage/EnableAuthenticator");
        var key = setup.Document.QuerySelector("kbd")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);

        var enabled = await browser.SubmitAsync(setup, "#send-code", new Dictionary<string, string> { ["Input.Code"] = Totp(key) });
        Assert.Contains("Your authenticator app has been verified", enabled.Text, StringComparison.Ordinal);
        await browser.SignOutAsync();

        var challenge = await browser.SignInAsync(email);
        Assert.Contains("/Identity/Account/LoginWith2fa", challenge.Url.PathAndQuery, StringComparison.Ordinal);
        var dashboard = await browser.SubmitAsync(challenge, "form[method='post']", new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp(key) });

        Assert.Contains("Your dashboard", dashboard.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Setting_up_turning_off_and_resetting_the_authenticator_keep_this_browser_signed_in()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var interval = TimeSpan.FromSeconds(31); // past the 30-second security-stamp check

        var setup = await browser.GetAsync("/Identity/Account/Manage/EnableAuthenticator");
        app.Clock.Advance(interval);
        await AssertStillSignedInAsync(browser);

        var key = setup.Document.QuerySelector("kbd")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        await browser.SubmitAsync(setup, "#send-code", new Dictionary<string, string> { ["Input.Code"] = Totp(key) });
        app.Clock.Advance(interval);
        await AssertStillSignedInAsync(browser);

        await browser.SubmitAsync(await browser.GetAsync("/Identity/Account/Manage/ResetAuthenticator"), "#reset-authenticator-form");
        app.Clock.Advance(interval);
        await AssertStillSignedInAsync(browser);

        var again = await browser.GetAsync("/Identity/Account/Manage/EnableAuthenticator");
        var newKey = again.Document.QuerySelector("kbd")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.NotEqual(key, newKey);
        await browser.SubmitAsync(again, "#send-code", new Dictionary<string, string> { ["Input.Code"] = Totp(newKey) });
        await browser.SubmitAsync(await browser.GetAsync("/Identity/Account/Manage/Disable2fa"), "#disable-2fa-form");
        app.Clock.Advance(interval);
        await AssertStillSignedInAsync(browser);
        browser.Dispose();
    }

    private static async Task AssertStillSignedInAsync(TestBrowser browser)
    {
        var page = await browser.GetAsync("/Contacts", followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, page.Status);
    }

    [Theory]
    [InlineData("GET", "/Identity/Account/LoginWith2fa")]
    [InlineData("POST", "/Identity/Account/LoginWith2fa")]
    [InlineData("GET", "/Identity/Account/LoginWithRecoveryCode")]
    [InlineData("POST", "/Identity/Account/LoginWithRecoveryCode")]
    public async Task The_code_pages_without_a_sign_in_under_way_send_you_to_sign_in_with_a_message(string method, string path)
    {
        using var browser = app.NewBrowser();
        var signInForm = await browser.GetAsync("/Identity/Account/Login");
        var answer = method == "GET"
            ? await browser.GetAsync(path, followRedirects: false)
            : await browser.PostAsync(path, [new("Input.TwoFactorCode", "123456"), new("Input.RecoveryCode", "ABCDE-12345"), Token(signInForm)], followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/Identity/Account/Login", new Uri(browser.Client.BaseAddress!, answer.Location).AbsolutePath);
        var shown = await browser.GetAsync(answer.Location!);
        Assert.Contains(shown.Errors, e => e.Contains("please sign in with your e-mail and password", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("https://evil.example/", false)]
    [InlineData("//evil.example", false)]
    [InlineData("https://evil.example/", true)]
    [InlineData("//evil.example", true)]
    public async Task A_foreign_return_address_at_the_code_step_lands_at_home(string returnUrl, bool withRecoveryCode)
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var (key, recoveryCodes) = await EnableAuthenticatorAsync(browser);
        await browser.SignOutAsync();
        var challenge = await browser.SignInAsync(email);

        var answer = withRecoveryCode
            ? await browser.SubmitAsync(
                await browser.GetAsync("/Identity/Account/LoginWithRecoveryCode"), "main form[method='post']",
                new Dictionary<string, string> { ["Input.RecoveryCode"] = recoveryCodes[0] },
                followRedirects: false, action: "/Identity/Account/LoginWithRecoveryCode?returnUrl=" + Uri.EscapeDataString(returnUrl))
            : await browser.SubmitAsync(
                challenge, "main form[method='post']", new Dictionary<string, string> { ["Input.TwoFactorCode"] = Totp(key) },
                followRedirects: false, action: "/Identity/Account/LoginWith2fa?rememberMe=False&returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/", answer.Location);
        Assert.Contains("Your dashboard", (await browser.GetAsync("/")).Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Theory]
    [InlineData("GET", "Disable2fa")]
    [InlineData("POST", "Disable2fa")]
    [InlineData("GET", "GenerateRecoveryCodes")]
    [InlineData("POST", "GenerateRecoveryCodes")]
    public async Task Turning_off_or_renewing_codes_while_two_factor_is_off_goes_back_with_a_plain_message(string method, string page)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var path = "/Identity/Account/Manage/" + page;
        var answer = method == "GET"
            ? await browser.GetAsync(path, followRedirects: false)
            : await browser.PostAsync(path, [Token(await browser.GetAsync("/"))], followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/Identity/Account/Manage/TwoFactorAuthentication", new Uri(browser.Client.BaseAddress!, answer.Location).AbsolutePath);
        var shown = await browser.GetAsync(answer.Location!);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Contains("Two-factor sign-in is off for your account", shown.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones_and_two_factor_can_be_turned_off()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var (_, oldCodes) = await EnableAuthenticatorAsync(browser);

        var generate = await browser.GetAsync("/Identity/Account/Manage/GenerateRecoveryCodes");
        var shown = await browser.SubmitAsync(generate, "#generate-recovery-codes-form");
        var newCodes = shown.Document.QuerySelectorAll("code.recovery-code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));

        var disable = await browser.GetAsync("/Identity/Account/Manage/Disable2fa");
        var off = await browser.SubmitAsync(disable, "#disable-2fa-form");
        Assert.Contains("Two-factor sign-in is now off", off.Text, StringComparison.Ordinal);

        await browser.SignOutAsync();
        Assert.Contains("Your dashboard", (await browser.SignInAsync(email)).Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task The_two_factor_pages_are_labelled_and_parse_cleanly()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        await EnableAuthenticatorAsync(browser);
        foreach (var path in new[] { "/Identity/Account/Manage/Disable2fa", "/Identity/Account/Manage/GenerateRecoveryCodes" })
        {
            var page = await browser.GetAsync(path);
            HtmlChecks.AssertWellFormedAndLabelled(page);
            Assert.NotNull(page.Document.QuerySelector("a.nav-link.active[href$='/Manage/TwoFactorAuthentication']"));
        }

        HtmlChecks.AssertWellFormedAndLabelled(await browser.GetAsync("/Identity/Account/Logout"));

        await browser.SignOutAsync();
        HtmlChecks.AssertWellFormedAndLabelled(await browser.GetAsync("/Identity/Account/Logout"));
        HtmlChecks.AssertWellFormedAndLabelled(await browser.SignInAsync(email));
        HtmlChecks.AssertWellFormedAndLabelled(await browser.GetAsync("/Identity/Account/LoginWithRecoveryCode"));
        browser.Dispose();
    }

    /// <summary>Sets up an authenticator app as a person would; returns its key and the recovery codes shown.</summary>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAuthenticatorAsync(TestBrowser browser)
    {
        var setup = await browser.GetAsync("/Identity/Account/Manage/EnableAuthenticator");
        var key = setup.Document.QuerySelector("kbd")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        var shown = await browser.SubmitAsync(setup, "#send-code", new Dictionary<string, string> { ["Input.Code"] = Totp(key) });
        var codes = shown.Document.QuerySelectorAll("code.recovery-code").Select(c => c.TextContent).ToList();
        Assert.NotEmpty(codes);
        return (key, codes);
    }

    private static KeyValuePair<string, string> Token(WebPage page) =>
        new("__RequestVerificationToken", page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!);

    /// <summary>RFC 6238 with the authenticator defaults (SHA-1, 30-second steps, 6 digits), as a phone app computes it.</summary>
    public static string Totp(string base32Key)
    {
        var key = FromBase32(base32Key);
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 authenticator codes are defined over HMAC-SHA1.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (code % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
