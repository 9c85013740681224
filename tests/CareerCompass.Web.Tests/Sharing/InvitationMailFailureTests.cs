using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Data;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static CareerCompass.Web.Tests.Sharing.Sharing;

namespace CareerCompass.Web.Tests.Sharing;

/// <summary>
/// When the invitation e-mail can't go out, the invitation is still saved and the page says so plainly (in words that
/// still don't tell whether the address has an account); a counsellor whose account has gone is pointed out.
/// </summary>
public sealed class InvitationMailFailureTests(SharingApp app) : IClassFixture<SharingApp>
{
    [Fact]
    public async Task An_invitation_whose_email_cannot_be_sent_is_kept_and_the_page_says_the_email_did_not_go()
    {
        app.Clock.SetTo(Now);
        var (browser, email) = await app.NewSignedInPersonAsync("nomail");
        var form = await browser.GetAsync("/Sharing");
        var counsellor = People.NewEmail("unmailed");

        // The mail folder turns into a file: the mailer can't write there.
        Directory.Delete(app.Mailbox.Folder, recursive: true);
        File.WriteAllText(app.Mailbox.Folder, string.Empty);
        WebPage page;
        try
        {
            page = await browser.SubmitAsync(form, "#invite-form", Invitation(counsellor));
        }
        finally
        {
            File.Delete(app.Mailbox.Folder);
            Directory.CreateDirectory(app.Mailbox.Folder);
        }

        Assert.Equal($"Your invitation to {counsellor} is saved, but we couldn't send the e-mail just now. It waits for them until Tuesday 22 December 2026 — you could let them know yourself, or withdraw it and send it again later.", page.Status());
        Assert.Equal(GrantState.Invited, Assert.Single(await app.GrantsOfAsync(email)).State(Now));
        browser.Dispose();
    }

    [Fact]
    public async Task A_counsellor_whose_account_has_gone_is_shown_as_such()
    {
        app.Clock.SetTo(Now);
        var (counsellor, counsellorEmail, counsellorId) = await app.NewCounsellorAsync();
        counsellor.Dispose();
        var (browser, email) = await app.NewSignedInPersonAsync("left");
        var id = await app.GrantAsync(email, counsellorEmail);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByIdAsync(counsellorId))!)).Succeeded);
        }

        var page = await browser.GetAsync("/Sharing");

        Assert.Contains("Their account has since been closed, so nobody can see your plan through this.", page.Document.QuerySelector($"#grant-{id}")!.TextContent, StringComparison.Ordinal);
        browser.Dispose();
    }
}
