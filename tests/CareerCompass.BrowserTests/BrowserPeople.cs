using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

internal static class BrowserPeople
{
    /// <summary>Registers, confirms from the mail file and signs in through the real pages, as a person would.</summary>
    public static async Task<string> SignUpAndSignInAsync(this IPage page, LiveApp live)
    {
        var email = People.NewEmail("browser");
        await page.GotoAsync("/Identity/Account/Register");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(People.GoodPassword);
        await page.GetByLabel("Type the password again").FillAsync(People.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        // Wait for the confirmation page's address and its own heading, polled, not for a load event: in full runs
        // Chromium twice reached the page and fired network-idle while a wait for "load" (and later for "commit",
        // when the address already matched) never ended, and the wait timed out.
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("RegisterConfirmation"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await page.GotoAsync(live.App.Mailbox.LatestTo(email).Links.Single(l => l.Contains("ConfirmEmail", StringComparison.Ordinal)));
        await page.GotoAsync("/Identity/Account/Login");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(People.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" })).ToBeVisibleAsync();
        return email;
    }
}
