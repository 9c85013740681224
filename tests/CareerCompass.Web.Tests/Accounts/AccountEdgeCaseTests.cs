using System.Net;
using CareerCompass.Web.Data;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Accounts;

/// <summary>Account pages given what a person (or a stranger) may send them: no 500s, no open redirects.</summary>
public sealed class AccountEdgeCaseTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    private const string UnusableAddressMessage = "We can't send mail to that address";

    public static TheoryData<string> UnusableAddresses => ["\"x@example.org", "a@b..c", "Ann <ann@example.org>", "a b@example.org"];

    public static TheoryData<string, string, string> AccountFormsWithUnusableAddresses
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var address in UnusableAddresses)
            {
                data.Add("/Identity/Account/Register", "#registerForm", address);
                data.Add("/Identity/Account/ForgotPassword", "#forgot-password", address);
                data.Add("/Identity/Account/ResendEmailConfirmation", "#resend-confirmation", address);
            }

            return data;
        }
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    public async Task Signing_out_with_a_foreign_return_address_goes_home(string returnUrl)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var home = await browser.GetAsync("/");

        var answer = await browser.SubmitAsync(
            home, "form[action^='/Identity/Account/Logout']", followRedirects: false,
            action: "/Identity/Account/Logout?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, answer.Status);
        Assert.Equal("/", answer.Location);
        var contacts = await browser.GetAsync("/Contacts", followRedirects: false);
        Assert.Equal("/Identity/Account/Login", new Uri(browser.Client.BaseAddress!, contacts.Location).AbsolutePath);
        browser.Dispose();
    }

    [Fact]
    public async Task Signing_out_without_a_return_address_says_so()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var home = await browser.GetAsync("/");

        var answer = await browser.SubmitAsync(home, "form[action^='/Identity/Account/Logout']", action: "/Identity/Account/Logout");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("You've signed out", answer.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Theory]
    [MemberData(nameof(UnusableAddresses))]
    public async Task An_address_the_mail_sender_cannot_use_is_refused_at_the_new_email_field(string address)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Identity/Account/Manage/Email");

        var answer = await browser.SubmitAsync(
            form, "#email-form", new Dictionary<string, string> { ["Input.NewEmail"] = address, ["Input.Password"] = People.GoodPassword },
            action: "/Identity/Account/Manage/Email?handler=ChangeEmail");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(UnusableAddressMessage, answer.Document.QuerySelector("[data-valmsg-for='Input.NewEmail']")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Theory]
    [MemberData(nameof(AccountFormsWithUnusableAddresses))]
    public async Task An_address_the_mail_sender_cannot_use_is_refused_at_the_account_forms(string path, string form, string address)
    {
        using var browser = app.NewBrowser();
        var page = await browser.GetAsync(path);

        var answer = await browser.SubmitAsync(page, form, new Dictionary<string, string>
        {
            ["Input.Email"] = address,
            ["Input.Password"] = People.GoodPassword,
            ["Input.ConfirmPassword"] = People.GoodPassword,
        }, followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(UnusableAddressMessage, answer.Document.QuerySelector("[data-valmsg-for='Input.Email']")?.TextContent ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_change_email_link_comes_from_the_public_address_and_moves_the_account()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Identity/Account/Manage/Email");
        var newEmail = People.NewEmail("moved");

        // 127.0.0.1 is served (a loopback alias of the configured http://localhost), yet links must not use it.
        using var answer = await PostFromAnotherHostAsync(browser, "/Identity/Account/Manage/Email?handler=ChangeEmail", form, new KeyValuePair<string, string>("Input.NewEmail", newEmail), new KeyValuePair<string, string>("Input.Password", People.GoodPassword));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("check your inbox", (await browser.GetAsync("/Identity/Account/Manage/Email")).Text, StringComparison.OrdinalIgnoreCase);

        var mail = await app.Mailbox.WaitForAsync(newEmail, "Confirm your new e-mail");
        var link = Assert.Single(mail.Links, l => l.Contains("ConfirmEmailChange", StringComparison.Ordinal));
        Assert.StartsWith("http://localhost/Identity/Account/ConfirmEmailChange?", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(link).PathAndQuery)).Status);

        await browser.SignOutAsync();
        Assert.Contains("Your dashboard", (await browser.SignInAsync(newEmail)).Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Changing_the_email_needs_the_current_password_and_tells_the_current_address()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var newEmail = People.NewEmail("thief");
        var form = await browser.GetAsync("/Identity/Account/Manage/Email");

        var refused = await browser.SubmitAsync(form, "#email-form", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail, ["Input.Password"] = "a guess at the password" });
        var missing = await browser.SubmitAsync(form, "#email-form", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail });

        Assert.Contains(CareerCompass.Web.Areas.Identity.Pages.Account.Manage.Email.WrongPasswordMessage, refused.Errors);
        Assert.Equal(newEmail, refused.Document.QuerySelector("input[name='Input.NewEmail']")!.GetAttribute("value"));
        Assert.Contains("Please enter your current password, so we know it's you.", missing.Errors);
        await Task.Delay(300);
        Assert.Empty(app.Mailbox.To(newEmail, "Confirm your new e-mail"));

        await browser.SubmitAsync(form, "#email-form", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail, ["Input.Password"] = People.GoodPassword });
        var notice = await app.Mailbox.WaitForAsync(email, "is being changed");
        Assert.Contains(newEmail, notice.Body, StringComparison.Ordinal);
        Assert.Single(app.Mailbox.To(newEmail, "Confirm your new e-mail"));
        browser.Dispose();
    }

    [Fact]
    public async Task Sending_the_confirmation_again_from_the_email_page_uses_the_public_address()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.EmailConfirmed = false;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        var page = await browser.GetAsync("/Identity/Account/Manage/Email");
        Assert.NotNull(page.Document.QuerySelector("#email-verification"));
        var before = app.Mailbox.To(email, "Confirm your e-mail").Count;
        using var answer = await PostFromAnotherHostAsync(
            browser, "/Identity/Account/Manage/Email?handler=SendVerificationEmail", page, new KeyValuePair<string, string>("Input.NewEmail", email));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        var mail = await app.Mailbox.WaitForAsync(email, "Confirm your e-mail for CareerCompass", before);
        var link = Assert.Single(mail.Links, l => l.Contains("ConfirmEmail", StringComparison.Ordinal));
        Assert.StartsWith("http://localhost/Identity/Account/ConfirmEmail?", link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(link).PathAndQuery)).Status);
        Assert.Null((await browser.GetAsync("/Identity/Account/Manage/Email")).Document.QuerySelector("#email-verification"));
        browser.Dispose();
    }

    [Fact]
    public async Task Deleting_the_account_without_a_password_asks_for_it_and_keeps_the_account()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Identity/Account/Manage/DeletePersonalData");

        var answer = await browser.SubmitAsync(form, "#delete-user", new Dictionary<string, string> { ["Input.Password"] = string.Empty });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Please enter your password", answer.Document.QuerySelector("[data-valmsg-for='Input.Password']")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        await AssertAccountExistsAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/Contacts")).Status);
        browser.Dispose();
    }

    [Fact]
    public async Task Deleting_the_account_with_a_wrong_password_says_so_and_keeps_the_account()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Identity/Account/Manage/DeletePersonalData");

        var answer = await browser.SubmitAsync(form, "#delete-user", new Dictionary<string, string> { ["Input.Password"] = "not my password at all" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("That password isn't right", answer.Document.QuerySelector("[data-valmsg-for='Input.Password']")?.TextContent ?? string.Empty, StringComparison.Ordinal);
        await AssertAccountExistsAsync(email);
        browser.Dispose();
    }

    [Fact]
    public async Task The_email_and_delete_pages_are_labelled_and_parse_cleanly()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var email = await browser.GetAsync("/Identity/Account/Manage/Email");
        HtmlChecks.AssertWellFormedAndLabelled(email);
        Assert.NotNull(email.Document.QuerySelector("a.nav-link.active[href$='/Manage/Email']"));
        var delete = await browser.GetAsync("/Identity/Account/Manage/DeletePersonalData");
        HtmlChecks.AssertWellFormedAndLabelled(delete);
        Assert.NotNull(delete.Document.QuerySelector("a.nav-link.active[href$='/Manage/PersonalData']"));
        var refused = await browser.SubmitAsync(
            await browser.GetAsync("/Identity/Account/Manage/Email"), "#email-form", new Dictionary<string, string> { ["Input.NewEmail"] = "a@b..c", ["Input.Password"] = People.GoodPassword },
            action: "/Identity/Account/Manage/Email?handler=ChangeEmail");
        HtmlChecks.AssertWellFormedAndLabelled(refused);
        browser.Dispose();
    }

    private async Task AssertAccountExistsAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        Assert.NotNull(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
    }

    /// <summary>Posts the page's form fields with a <c>Host</c> header other than the configured public address.</summary>
    private static async Task<HttpResponseMessage> PostFromAnotherHostAsync(TestBrowser browser, string path, WebPage page, params KeyValuePair<string, string>[] fields)
    {
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]),
        };
        request.Headers.Host = "127.0.0.1:8080";
        return await browser.Client.SendAsync(request);
    }
}
