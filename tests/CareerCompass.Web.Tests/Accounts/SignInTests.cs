using System.Net;
using CareerCompass.Web.Areas.Identity.Pages.Account;
using CareerCompass.Web.Data;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Accounts;

public sealed class SignInTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task Unknown_email_and_wrong_password_get_the_same_message()
    {
        var (_, email) = await app.NewSignedInPersonAsync();
        using var browser = app.NewBrowser();

        var unknown = await browser.SignInAsync(People.NewEmail("nobody"));
        var wrong = await browser.SignInAsync(email, "not the right password");

        Assert.Equal([Login.FailedMessage], unknown.Errors);
        Assert.Equal(unknown.Errors, wrong.Errors);
    }

    [Fact]
    public async Task Five_failed_sign_ins_pause_the_account_for_five_minutes_and_tell_the_owner()
    {
        var (_, email) = await app.NewSignedInPersonAsync();
        using var browser = app.NewBrowser();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await browser.SignInAsync(email, "not the right password");
            Assert.Equal([Login.FailedMessage], failed.Errors);
        }

        // The right password during the pause gets the same answer as any failure: nothing to learn from it.
        var rightButPaused = await browser.SignInAsync(email);
        Assert.Equal([Login.FailedMessage], rightButPaused.Errors);
        var notice = await app.Mailbox.WaitForAsync(email, "paused sign-in");
        Assert.Single(app.Mailbox.To(email, "paused sign-in"));
        Assert.Contains(notice.Links, l => l.Contains("/Identity/Account/Unlock", StringComparison.Ordinal));

        // Identity times lockouts by the system clock, not the injected one: check the stored end instead.
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var lockoutEnd = await users.GetLockoutEndDateAsync((await users.FindByEmailAsync(email))!);
        Assert.InRange(lockoutEnd!.Value, DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task Cookies_are_http_only_and_same_site_lax()
    {
        using var browser = app.NewBrowser();
        var email = People.NewEmail();
        await browser.RegisterAsync(email);
        await browser.ConfirmFromMailAsync(app.Mailbox, email);
        var form = await browser.GetAsync("/Identity/Account/Login");

        var response = await browser.SubmitAsync(form, "#account", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = People.GoodPassword,
        }, followRedirects: false);

        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        var auth = response.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("CareerCompass.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Changing_the_password_with_a_wrong_current_one_says_so()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Identity/Account/Manage/ChangePassword");

        var page = await browser.SubmitAsync(form, "#change-password-form", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "this is not my password",
            ["Input.NewPassword"] = "a brand new sentence for spring",
            ["Input.ConfirmPassword"] = "a brand new sentence for spring",
        });

        Assert.Contains("That isn't your current password. Please try again.", page.Errors);
        browser.Dispose();
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_mailed_link()
    {
        var (_, email) = await app.NewSignedInPersonAsync();
        using var browser = app.NewBrowser();
        var forgot = await browser.GetAsync("/Identity/Account/ForgotPassword");
        await browser.SubmitAsync(forgot, "form[method='post']", new Dictionary<string, string> { ["Input.Email"] = email });

        var link = (await app.Mailbox.WaitForAsync(email, "Reset your")).Links.Single(l => l.Contains("ResetPassword", StringComparison.Ordinal));
        var reset = await browser.GetAsync(new Uri(link).PathAndQuery);
        var done = await browser.SubmitAsync(reset, "form[method='post']", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "my new and rather long passphrase",
            ["Input.ConfirmPassword"] = "my new and rather long passphrase",
        });
        Assert.Contains("/Identity/Account/ResetPasswordConfirmation", done.Url.PathAndQuery, StringComparison.Ordinal);

        var signedIn = await browser.SignInAsync(email, "my new and rather long passphrase");
        Assert.Contains("Your dashboard", signedIn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_the_account_removes_it_and_signs_out_other_sessions()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        using var other = app.NewBrowser();
        await other.SignInAsync(email);

        var form = await browser.GetAsync("/Identity/Account/Manage/DeletePersonalData");
        await browser.SubmitAsync(form, "#delete-user", new Dictionary<string, string> { ["Input.Password"] = People.GoodPassword });
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var otherAfter = await other.GetAsync("/Contacts", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, otherAfter.Status);
        var again = await other.SignInAsync(email);
        Assert.Equal([Login.FailedMessage], again.Errors);
        browser.Dispose();
    }

    [Fact]
    public async Task Personal_data_can_be_downloaded_as_json()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var page = await browser.GetAsync("/Identity/Account/Manage/PersonalData");

        var download = await browser.SubmitAsync(page, "#download-data", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, download.Status);
        Assert.Contains(email, download.Html, StringComparison.Ordinal);
        browser.Dispose();
    }
}
