using System.Net;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Accounts;

public sealed class RegistrationTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task An_existing_email_gets_one_clear_message()
    {
        var (_, email) = await app.NewSignedInPersonAsync();
        using var browser = app.NewBrowser();

        var page = await browser.RegisterAsync(email.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var error = Assert.Single(page.Errors);
        Assert.Contains("already an account with this e-mail", error, StringComparison.Ordinal);
        Assert.Equal(email.ToUpperInvariant(), page.Document.QuerySelector("#Input_Email")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("short pass", "at least 12 characters")]
    [InlineData("passwordpassword", "most commonly used")]
    [InlineData("QWERTYUIOPASDFGHJKL", "most commonly used")]
    public async Task A_short_or_common_password_is_refused_with_a_reason(string password, string expected)
    {
        using var browser = app.NewBrowser();
        var page = await browser.RegisterAsync(People.NewEmail(), password);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_long_passphrase_of_128_characters_is_accepted_without_composition_rules()
    {
        using var browser = app.NewBrowser();
        var passphrase = string.Concat(Enumerable.Repeat("lanterns drift ", 9))[..128];

        var page = await browser.RegisterAsync(People.NewEmail(), passphrase);

        Assert.Empty(page.Errors);
        Assert.Contains("/Identity/Account/RegisterConfirmation", page.Url.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("name@")]
    public async Task A_malformed_email_is_refused(string email)
    {
        using var browser = app.NewBrowser();
        var page = await browser.RegisterAsync(email);

        Assert.Contains(page.Errors, e => e.Contains("doesn't look like an e-mail address", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_over_long_email_gets_a_message_not_an_error_page()
    {
        using var browser = app.NewBrowser();
        var page = await browser.RegisterAsync(new string('a', 300) + "@example.org");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains("under 256 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_over_long_password_gets_a_message_not_an_error_page()
    {
        using var browser = app.NewBrowser();
        var page = await browser.RegisterAsync(People.NewEmail(), new string('x', 5000));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.Errors, e => e.Contains("under 256 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mismatched_passwords_are_pointed_out()
    {
        using var browser = app.NewBrowser();
        var page = await browser.RegisterAsync(People.NewEmail(), People.GoodPassword, "something else entirely");

        Assert.Contains(page.Errors, e => e.Contains("don't match", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tampered_antiforgery_token_gets_the_friendly_400_page()
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/Identity/Account/Register");

        var page = await browser.SubmitAsync(form, "#registerForm", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = "tampered",
            ["Input.Email"] = People.NewEmail(),
            ["Input.Password"] = People.GoodPassword,
            ["Input.ConfirmPassword"] = People.GoodPassword,
        });

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("That request didn't go through", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_sends_a_confirmation_mail_whose_link_works_once_opened()
    {
        using var browser = app.NewBrowser();
        var email = People.NewEmail();
        await browser.RegisterAsync(email);

        var mail = app.Mailbox.LatestTo(email);
        Assert.EndsWith(".eml", mail.Path, StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/html", mail.Raw, StringComparison.Ordinal);
        var confirmed = await browser.ConfirmFromMailAsync(app.Mailbox, email);
        Assert.Contains("Thank you for confirming your e-mail", confirmed.Text, StringComparison.OrdinalIgnoreCase);
    }
}
