using System.Text.RegularExpressions;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareerCompass.BrowserTests;

public sealed class AccountJourneyTests(LiveApp live) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task A_new_person_registers_confirms_signs_in_sees_the_dashboard_and_signs_out()
    {
        await using var context = await live.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        var email = People.NewEmail("journey");

        await page.GotoAsync("/");
        await checks.CheckAsync(page, "desktop-01-landing");
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a free account" }).ClickAsync();

        await checks.CheckAsync(page, "desktop-02-register");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("short");
        await page.GetByLabel("Type the password again").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("Please use at least 12 characters");
        await Assertions.Expect(page.Locator("[data-error-summary] a[href='#Input_Password']")).ToBeVisibleAsync();
        await checks.CheckAsync(page, "desktop-03-register-error");

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(People.GoodPassword);
        await page.GetByLabel("Type the password again").FillAsync(People.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("RegisterConfirmation"));
        await checks.CheckAsync(page, "desktop-04-check-your-mail");

        var link = live.App.Mailbox.LatestTo(email).Links.Single(l => l.Contains("ConfirmEmail", StringComparison.Ordinal));
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByText("Thank you for confirming your e-mail")).ToBeVisibleAsync();
        await checks.CheckAsync(page, "desktop-05-confirmed");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await checks.CheckAsync(page, "desktop-06-sign-in");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(People.GoodPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your dashboard" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Reflect on what matters to you")).ToBeVisibleAsync();
        await checks.CheckAsync(page, "desktop-07-dashboard");

        await page.GetByRole(AriaRole.Link, new() { Name = "Contacts", Exact = true }).ClickAsync();
        await checks.CheckAsync(page, "desktop-08-contacts-empty");
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a contact" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("Ada Lovelace");
        await page.GetByLabel("Next follow-up").FillAsync("2026-11-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save contact" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" })).ToBeVisibleAsync();
        await checks.CheckAsync(page, "desktop-09-contacts");

        await page.GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();
        await checks.CheckAsync(page, "desktop-10-account");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Plan your career, one clear step at a time" })).ToBeVisibleAsync();
        await page.GotoAsync("/Contacts");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/Identity/Account/Login"));
    }

    [Fact]
    public async Task On_a_phone_the_menu_opens_from_a_button_and_every_page_fits()
    {
        await using var context = await live.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);

        await page.GotoAsync("/");
        await checks.CheckAsync(page, "phone-01-landing");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The landing page scrolls sideways on a 375-px phone.");

        var signIn = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Sign in" });
        await Assertions.Expect(signIn).ToBeHiddenAsync();
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "false");
        await PageChecks.OpenPhoneMenuAsync(page);
        await Assertions.Expect(menu).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(signIn).ToBeVisibleAsync();
        await checks.CheckAsync(page, "phone-02-menu-open");

        await signIn.ClickAsync();
        await checks.CheckAsync(page, "phone-03-sign-in");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The sign-in page scrolls sideways on a 375-px phone.");

        await page.GotoAsync("/Identity/Account/Register");
        await checks.CheckAsync(page, "phone-04-register");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The register page scrolls sideways on a 375-px phone.");
    }

    [Fact]
    public async Task On_a_phone_two_factor_sign_in_can_be_set_up_and_the_recovery_codes_copied()
    {
        await using var context = await live.NewPhoneContextAsync();
        var page = await context.NewPageAsync();
        var checks = new PageChecks(page);
        await page.SignUpAndSignInAsync(live);

        await page.GotoAsync("/Identity/Account/Manage/TwoFactorAuthentication");
        await checks.CheckAsync(page, "phone-05-two-factor-off");
        await page.GetByRole(AriaRole.Link, new() { Name = "Set up an authenticator app" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for your CareerCompass key" })).ToBeVisibleAsync();
        await checks.CheckAsync(page, "phone-06-authenticator-set-up");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The authenticator set-up scrolls sideways on a 375-px phone.");

        var key = (await page.Locator("kbd").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal);
        await page.GetByLabel("The 6-digit code from your app").FillAsync(Web.Tests.Accounts.TwoFactorTests.Totp(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the code" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("code.recovery-code")).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download as a text file" })).ToBeVisibleAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy the codes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Copied" })).ToBeVisibleAsync();
        await checks.CheckAsync(page, "phone-07-recovery-codes");
        Assert.True(await PageChecks.FitsTheScreenAsync(page), "The recovery codes scroll sideways on a 375-px phone.");
    }

    [Fact]
    public async Task The_skip_link_is_the_first_stop_for_the_keyboard_and_moves_focus_to_the_content()
    {
        await using var context = await live.NewDesktopContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
    }
}
