using System.Net;
using CareerCompass.Web.Tests.Infrastructure;

namespace CareerCompass.Web.Tests.Accounts;

public sealed class AccountJourneyTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task A_new_person_registers_confirms_from_the_mail_file_signs_in_and_out()
    {
        using var browser = app.NewBrowser();
        var email = People.NewEmail();

        var afterRegister = await browser.RegisterAsync(email);
        Assert.Contains("/Identity/Account/RegisterConfirmation", afterRegister.Url.PathAndQuery, StringComparison.Ordinal);

        var mail = app.Mailbox.LatestTo(email);
        Assert.Equal("Confirm your e-mail for CareerCompass", mail.Subject);

        var unconfirmed = await browser.SignInAsync(email);
        Assert.Contains(Web.Areas.Identity.Pages.Account.Login.FailedMessage, unconfirmed.Errors);

        var confirmed = await browser.ConfirmFromMailAsync(app.Mailbox, email);
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);

        var dashboard = await browser.SignInAsync(email);
        Assert.Equal("/", dashboard.Url.AbsolutePath);
        Assert.Contains("Your dashboard", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("Reflect on what matters to you", dashboard.Text, StringComparison.Ordinal);

        var signedOut = await browser.SignOutAsync();
        Assert.Contains("Plan your career, one clear step at a time", signedOut.Text, StringComparison.Ordinal);
        var dashboardAgain = await browser.GetAsync("/Contacts", followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, dashboardAgain.Status);
    }
}
