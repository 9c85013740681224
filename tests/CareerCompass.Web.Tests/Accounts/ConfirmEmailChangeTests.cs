using System.Net;
using CareerCompass.Web.Tests.Fuzz;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace CareerCompass.Web.Tests.Accounts;

/// <summary>
/// The link that moves an account to a new address is often opened elsewhere: in a mail app's browser where nobody is
/// signed in, or on a shared computer where someone else is. It changes the address, and signs no one in or out.
/// </summary>
public sealed class ConfirmEmailChangeTests(LoggedApp app) : IClassFixture<LoggedApp>
{
    [Fact]
    public async Task Opened_where_nobody_is_signed_in_it_changes_the_address_and_signs_nobody_in()
    {
        var (owner, newEmail, link) = await RequestChangeAsync();
        using var stranger = app.NewBrowser();

        var answer = await stranger.GetAsync(link, followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Your new e-mail is in use", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(SetCookies(answer), c => c.StartsWith("CareerCompass.Auth=", StringComparison.Ordinal) && !IsDeletion(c));
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/Goals", followRedirects: false)).Status);
        AssertNoRefusedRefresh();

        // The owner signs in with the new address.
        await owner.SignOutAsync();
        Assert.Contains("Your dashboard", (await owner.SignInAsync(newEmail)).Text, StringComparison.Ordinal);
        owner.Dispose();
    }

    [Fact]
    public async Task Opened_where_someone_else_is_signed_in_it_changes_the_address_and_leaves_them_signed_in_as_themselves()
    {
        var (owner, newEmail, link) = await RequestChangeAsync();
        var (other, otherEmail) = await app.NewSignedInPersonAsync("other");

        var answer = await other.GetAsync(link, followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains("Your new e-mail is in use", answer.Text, StringComparison.Ordinal);
        Assert.Contains("signed in to a different account", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(SetCookies(answer), c => c.StartsWith("CareerCompass.Auth=", StringComparison.Ordinal));
        var settings = await other.GetAsync("/Identity/Account/Manage/Email");
        Assert.Equal(otherEmail, settings.Document.QuerySelector("#current-email")!.GetAttribute("value"));
        AssertNoRefusedRefresh();
        HtmlChecks.AssertWellFormedAndLabelled(answer);

        await owner.SignOutAsync();
        Assert.Contains("Your dashboard", (await owner.SignInAsync(newEmail)).Text, StringComparison.Ordinal);
        owner.Dispose();
        other.Dispose();
    }

    private async Task<(TestBrowser Owner, string NewEmail, string Link)> RequestChangeAsync()
    {
        var (owner, _) = await app.NewSignedInPersonAsync("owner");
        var newEmail = People.NewEmail("moved");
        var form = await owner.GetAsync("/Identity/Account/Manage/Email");
        await owner.SubmitAsync(form, "#email-form", new Dictionary<string, string> { ["Input.NewEmail"] = newEmail, ["Input.Password"] = People.GoodPassword });
        var mail = await app.Mailbox.WaitForAsync(newEmail, "Confirm your new e-mail");
        var link = Assert.Single(mail.Links, l => l.Contains("ConfirmEmailChange", StringComparison.Ordinal));
        return (owner, newEmail, new Uri(link).PathAndQuery);
    }

    private static IEnumerable<string> SetCookies(WebPage page) =>
        page.Response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static bool IsDeletion(string cookie) => cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);

    /// <summary>Identity logs an error when asked to refresh a sign-in that isn't this account's (or isn't there).</summary>
    private void AssertNoRefusedRefresh()
    {
        var refused = app.Logs.Entries.Where(e => e.Level >= LogLevel.Error && e.Message.Contains("RefreshSignInAsync", StringComparison.Ordinal)).ToList();
        Assert.True(refused.Count == 0, string.Join("\n", refused.Select(e => e.Message)));
    }
}
