using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace CareerCompass.Web.Tests.Accounts;

/// <summary>
/// The account forms list every problem at once in the shared error summary, each linked to its field (the summary
/// site.js moves focus to), like the rest of the app.
/// </summary>
public sealed class AccountErrorSummaryTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task Sign_in_links_each_problem_to_its_field()
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/Identity/Account/Login");
        var answer = await browser.SubmitAsync(form, "#account", new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });

        AssertLinks(answer, ["Input_Email", "Input_Password"]);
    }

    [Fact]
    public async Task Forgot_password_links_the_e_mail_problem_to_its_field()
    {
        using var browser = app.NewBrowser();
        var form = await browser.GetAsync("/Identity/Account/ForgotPassword");
        var answer = await browser.SubmitAsync(form, "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = "not an address" });

        AssertLinks(answer, ["Input_Email"]);
    }

    [Fact]
    public async Task Reset_password_lists_every_problem_at_once_the_short_password_included()
    {
        using var browser = app.NewBrowser();
        var code = WebEncoders.Base64UrlEncode("some-token"u8.ToArray());
        var form = await browser.GetAsync($"/Identity/Account/ResetPassword?code={code}");
        var answer = await browser.SubmitAsync(form, "form[method='post']", new Dictionary<string, string>
        {
            ["Input.Email"] = "not an address",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
        });

        AssertLinks(answer, ["Input_Email", "Input_Password", "Input_ConfirmPassword"]);
        Assert.Contains(answer.Errors, e => e.Contains("12 characters", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Change_password_lists_every_problem_at_once_the_short_password_included()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Identity/Account/Manage/ChangePassword");
        var answer = await browser.SubmitAsync(form, "#change-password-form", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "",
            ["Input.NewPassword"] = "short",
            ["Input.ConfirmPassword"] = "different",
        });

        AssertLinks(answer, ["Input_OldPassword", "Input_NewPassword", "Input_ConfirmPassword"]);
        Assert.Contains(answer.Errors, e => e.Contains("12 characters", StringComparison.Ordinal));
        browser.Dispose();
    }

    [Fact]
    public async Task Changing_the_e_mail_links_each_problem_to_its_field()
    {
        var (browser, _) = await app.NewSignedInPersonAsync();
        var form = await browser.GetAsync("/Identity/Account/Manage/Email");
        var answer = await browser.SubmitAsync(form, "#email-form", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = "not an address",
            ["Input.Password"] = "",
        });

        AssertLinks(answer, ["Input_NewEmail", "Input_Password"]);
        browser.Dispose();
    }

    /// <summary>One summary, focusable for site.js, with exactly one link per field and each to a field on the page.</summary>
    private static void AssertLinks(WebPage answer, string[] fieldIds)
    {
        var summaries = answer.Document.QuerySelectorAll("[data-error-summary]");
        var summary = Assert.Single(summaries);
        Assert.Equal("-1", summary.GetAttribute("tabindex"));
        var links = summary.QuerySelectorAll("li a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(fieldIds.Select(id => "#" + id).Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));
        foreach (var id in fieldIds)
        {
            Assert.NotNull(answer.Document.GetElementById(id));
        }

        HtmlChecks.AssertWellFormedAndLabelled(answer);
    }
}
