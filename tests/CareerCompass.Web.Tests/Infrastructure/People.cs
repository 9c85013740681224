using System.Net;

namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>People as the app meets them: through the real register, confirm and sign-in forms.</summary>
public static class People
{
    public const string GoodPassword = "correct horse battery staple";

    private static int _counter;

    public static string NewEmail(string who = "person") => $"{who}{Interlocked.Increment(ref _counter)}-{Guid.NewGuid():N}"[..24] + "@example.org";

    /// <summary>The register form as a browser without JavaScript sends it; <paramref name="timeZone"/> is what the script would have filled in.</summary>
    public static async Task<WebPage> RegisterAsync(this TestBrowser browser, string email, string password = GoodPassword, string? confirm = null, string? timeZone = null)
    {
        var form = await browser.GetAsync("/Identity/Account/Register");
        var values = new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        };
        if (timeZone is not null)
        {
            values["Input.TimeZone"] = timeZone;
        }

        return await browser.SubmitAsync(form, "#registerForm", values);
    }

    public static async Task<WebPage> ConfirmFromMailAsync(this TestBrowser browser, Mailbox mailbox, string email)
    {
        var mail = mailbox.LatestTo(email);
        var link = mail.Links.Single(l => l.Contains("/Identity/Account/ConfirmEmail", StringComparison.Ordinal));
        return await browser.GetAsync(new Uri(link).PathAndQuery);
    }

    public static async Task<WebPage> SignInAsync(this TestBrowser browser, string email, string password = GoodPassword)
    {
        var form = await browser.GetAsync("/Identity/Account/Login");
        return await browser.SubmitAsync(form, "#account", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
    }

    public static async Task<WebPage> SignOutAsync(this TestBrowser browser)
    {
        var page = await browser.GetAsync("/");
        return await browser.SubmitAsync(page, "form[action^='/Identity/Account/Logout']");
    }

    /// <summary>A new person, registered, confirmed from the mail file and signed in, in a browser of their own.</summary>
    public static async Task<(TestBrowser Browser, string Email)> NewSignedInPersonAsync(this CareerCompassFactory app, string who = "person", string? timeZone = null)
    {
        var browser = app.NewBrowser();
        var email = NewEmail(who);
        await browser.RegisterAsync(email, timeZone: timeZone);
        var confirmed = await browser.ConfirmFromMailAsync(app.Mailbox, email);
        if (confirmed.Status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Confirmation failed: {confirmed.Status}");
        }

        var home = await browser.SignInAsync(email);
        if (!home.Text.Contains("Your dashboard", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Sign-in did not reach the dashboard: " + string.Join(" | ", home.Errors));
        }

        return (browser, email);
    }
}
