using System.Net;
using CareerCompass.Web.Areas.Identity.Pages.Account;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Accounts;

/// <summary>Every account page is ours: our layout, our headings and words, none of the framework's defaults.</summary>
public sealed class AccountPagesTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    /// <summary>Phrases only the framework's own pages and messages use.</summary>
    private static readonly string[] FrameworkWords =
    [
        "field is required", "The Type", "Manage your account", "Change your account settings", "Phone number",
        "Two-factor authentication (2FA)", "Configure authenticator app", "Reset authenticator key", "Put these codes",
        "Personal Data", "Locked out", "This account has been locked out", "Forgot password confirmation",
        "Reset password confirmation", "Please check your email", "Your password has been reset", "external login",
        "Thank you for confirming your email", "email",
    ];

    public static TheoryData<string> AnonymousPages =>
    [
        "/Identity/Account/Login", "/Identity/Account/Register", "/Identity/Account/RegisterConfirmation",
        "/Identity/Account/ConfirmEmail", "/Identity/Account/ConfirmEmailChange", "/Identity/Account/ForgotPassword",
        "/Identity/Account/ForgotPasswordConfirmation", "/Identity/Account/ResetPasswordConfirmation",
        "/Identity/Account/ResendEmailConfirmation", "/Identity/Account/Lockout", "/Identity/Account/Deleted",
    ];

    [Theory]
    [MemberData(nameof(AnonymousPages))]
    public async Task Each_page_for_a_visitor_uses_our_layout_and_words(string path)
    {
        using var browser = app.NewBrowser();
        AssertOurs(await browser.GetAsync(path));
    }

    [Fact]
    public async Task Each_page_for_a_signed_in_person_uses_our_layout_and_words()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        foreach (var page in new[]
        {
            "Manage", "Manage/Index", "Manage/Email", "Manage/ChangePassword", "Manage/Sessions", "Manage/TwoFactorAuthentication",
            "Manage/EnableAuthenticator", "Manage/ResetAuthenticator", "Manage/PersonalData", "Manage/DeletePersonalData",
        })
        {
            var shown = await browser.GetAsync("/Identity/Account/" + page);
            AssertOurs(shown);
            Assert.Equal("Your account", shown.Document.QuerySelector("main h1")!.TextContent.Trim());
            Assert.NotNull(shown.Document.QuerySelector("main nav[aria-label='Account settings'] a[aria-current='page']"));
        }

        var profile = await browser.GetAsync("/Identity/Account/Manage");
        Assert.Null(profile.Document.QuerySelector("input[type='tel'], [name*='Phone']"));
        browser.Dispose();
    }

    [Theory]
    [InlineData("/Identity/Account/ExternalLogin")]
    [InlineData("/Identity/Account/Manage/ExternalLogins")]
    [InlineData("/Identity/Account/Manage/SetPassword")]
    public async Task Pages_we_do_not_offer_answer_not_found(string path)
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var token = (await browser.GetAsync("/")).Document.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(path, followRedirects: false)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.PostAsync(path, [new("__RequestVerificationToken", token)], followRedirects: false)).Status);
        browser.Dispose();
    }

    [Fact]
    public async Task The_authenticator_set_up_draws_its_qr_code_here_with_plain_steps_and_the_key_to_type()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var setup = await browser.GetAsync("/Identity/Account/Manage/EnableAuthenticator");
        var again = await browser.GetAsync("/Identity/Account/Manage/EnableAuthenticator");

        var svg = setup.Document.QuerySelector("main .qr-code-image svg");
        Assert.NotNull(svg);
        Assert.NotNull(setup.Document.QuerySelector(".qr-code-image[role='img'][aria-label]"));
        Assert.True(svg.QuerySelectorAll("path, rect").Length > 0);
        Assert.DoesNotContain("style=", svg.OuterHtml, StringComparison.Ordinal); // the CSP allows no inline styles
        Assert.DoesNotContain(
            setup.Document.QuerySelectorAll("main [src], main img, main image, main use"),
            e => (e.GetAttribute("src") ?? e.GetAttribute("href") ?? string.Empty).Contains("//", StringComparison.Ordinal));
        Assert.Equal(3, setup.Document.QuerySelectorAll("main ol.steps > li").Length);
        Assert.Equal(setup.Document.QuerySelector("kbd")!.TextContent, again.Document.QuerySelector("kbd")!.TextContent);
        browser.Dispose();
    }

    [Fact]
    public async Task Recovery_codes_are_shown_once_with_a_download_and_a_copy_button()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var setup = await browser.GetAsync("/Identity/Account/Manage/EnableAuthenticator");
        var key = setup.Document.QuerySelector("kbd")!.TextContent.Replace(" ", string.Empty, StringComparison.Ordinal);
        var shown = await browser.SubmitAsync(setup, "#send-code", new Dictionary<string, string> { ["Input.Code"] = TwoFactorTests.Totp(key) });

        Assert.EndsWith("/Manage/ShowRecoveryCodes", shown.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("Your authenticator app has been verified", shown.Text, StringComparison.Ordinal);
        var codes = shown.Document.QuerySelectorAll("code.recovery-code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        var download = shown.Document.QuerySelector("a#download-recovery-codes[download]")!;
        Assert.Equal("careercompass-recovery-codes.txt", download.GetAttribute("download"));
        var href = download.GetAttribute("href")!;
        Assert.StartsWith("data:text/plain;charset=utf-8,", href, StringComparison.Ordinal);
        var file = Uri.UnescapeDataString(href["data:text/plain;charset=utf-8,".Length..]);
        Assert.All(codes, code => Assert.Contains(code, file, StringComparison.Ordinal));
        Assert.NotNull(shown.Document.QuerySelector("button#copy-recovery-codes[hidden][data-copy-from='recovery-codes']"));
        Assert.NotNull(shown.Document.QuerySelector("script[src^='/js/copy-codes']"));
        HtmlChecks.AssertWellFormedAndLabelled(shown);

        var later = await browser.GetAsync("/Identity/Account/Manage/ShowRecoveryCodes");
        Assert.EndsWith("/Manage/TwoFactorAuthentication", later.Url.AbsolutePath, StringComparison.Ordinal);
        Assert.Empty(later.Document.QuerySelectorAll("code.recovery-code"));
        Assert.Contains("Two-factor sign-in is on", later.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    [Fact]
    public async Task Deleting_offers_the_download_first_says_what_goes_and_says_when_it_is_done()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Identity/Account/Manage/DeletePersonalData");

        var download = form.Document.QuerySelector("form#download-before-delete")!;
        Assert.Equal("/Identity/Account/Manage/DownloadPersonalData", download.GetAttribute("action"));
        var file = await browser.SubmitAsync(form, "#download-before-delete", followRedirects: false);
        Assert.Equal(HttpStatusCode.OK, file.Status);
        Assert.Contains(email, file.Html, StringComparison.Ordinal);
        var lost = form.Document.QuerySelector("#what-is-deleted")!.TextContent;
        foreach (var thing in new[] { "reflection", "goals", "milestones", "action plans", "reviews", "contacts", "counsellor", "comments", "reminders", "e-mail address" })
        {
            Assert.Contains(thing, lost, StringComparison.OrdinalIgnoreCase);
        }

        var done = await browser.SubmitAsync(form, "#delete-user", new Dictionary<string, string> { ["Input.Password"] = People.GoodPassword });
        Assert.Equal("/Identity/Account/Deleted", done.Url.AbsolutePath);
        Assert.Contains("Your account has been deleted", done.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/Contacts", followRedirects: false)).Status);
        browser.Dispose();
    }

    [Fact]
    public async Task Registration_lists_every_problem_at_once_each_linked_to_its_field()
    {
        using var browser = app.NewBrowser();
        var answer = await browser.RegisterAsync("not an address", "short", "different");

        var summary = answer.Document.QuerySelectorAll("[data-error-summary] li a").ToList();
        Assert.Equal(3, summary.Count);
        Assert.Contains(summary, a => a.TextContent.Contains("e-mail address", StringComparison.Ordinal) && a.GetAttribute("href") == "#Input_Email");
        Assert.Contains(summary, a => a.TextContent.Contains("12 characters", StringComparison.Ordinal) && a.GetAttribute("href") == "#Input_Password");
        Assert.Contains(summary, a => a.TextContent.Contains("don't match", StringComparison.Ordinal) && a.GetAttribute("href") == "#Input_ConfirmPassword");
        HtmlChecks.AssertWellFormedAndLabelled(answer);

        var empty = await browser.RegisterAsync(People.NewEmail(), People.GoodPassword, confirm: string.Empty);
        Assert.DoesNotContain("field is required", empty.Text, StringComparison.Ordinal);
        Assert.Contains(empty.Errors, e => e.Contains("Please type your password a second time", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_confirmation_and_reset_mails_are_in_our_words_with_links_from_the_public_address()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        var welcome = app.Mailbox.LatestTo(email);
        Assert.Contains("welcome to CareerCompass", welcome.Body, StringComparison.Ordinal);
        Assert.Contains("Didn't sign up?", welcome.Body, StringComparison.Ordinal);

        await browser.SignOutAsync();
        var forgot = await browser.GetAsync("/Identity/Account/ForgotPassword");
        var sent = await browser.SubmitAsync(forgot, "form[method='post']", new Dictionary<string, string> { ["Input.Email"] = email });
        AssertOurs(sent);
        var reset = await app.Mailbox.WaitForAsync(email, "Reset your CareerCompass password");
        Assert.Contains("Didn't ask for this?", reset.Body, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/Identity/Account/ResetPassword?", Assert.Single(reset.Links), StringComparison.Ordinal);

        var broken = await browser.GetAsync("/Identity/Account/ConfirmEmail?userId=nobody&code=bad");
        Assert.Contains("That link didn't work", broken.Text, StringComparison.Ordinal);
        browser.Dispose();
    }

    private static void AssertOurs(WebPage page)
    {
        HtmlChecks.AssertWellFormedAndLabelled(page);
        Assert.NotNull(page.Document.QuerySelector("nav[aria-label='Main'] a.navbar-brand"));
        Assert.NotNull(page.Document.QuerySelector("main h1"));
        var text = page.Document.QuerySelector("main")!.TextContent;
        foreach (var words in FrameworkWords)
        {
            Assert.False(text.Contains(words, StringComparison.Ordinal), $"{page.Url.PathAndQuery} says \"{words}\".");
        }
    }
}
