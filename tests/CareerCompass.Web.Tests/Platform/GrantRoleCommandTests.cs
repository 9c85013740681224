using CareerCompass.Web.Data;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>The administrator's command, run as README shows it: the app's own executable with arguments.</summary>
public sealed class GrantRoleCommandTests(CareerCompassFactory app) : IClassFixture<CareerCompassFactory>
{
    [Fact]
    public async Task Granting_a_role_from_the_command_line_adds_it_to_the_account()
    {
        var (browser, email) = await app.NewSignedInPersonAsync();
        browser.Dispose();

        var (code, output) = await RunAsync("grant-role", email, "counsellor");

        Assert.Equal(0, code);
        Assert.Contains($"Granted Counsellor to {email}", output, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = await users.GetRolesAsync((await users.FindByEmailAsync(email))!);
        Assert.Equal(["Client", "Counsellor"], roles.Order().ToList());
    }

    [Fact]
    public async Task An_unknown_email_or_role_gets_a_clear_message()
    {
        var (unknownEmailCode, unknownEmail) = await RunAsync("grant-role", "nobody@example.org", "Counsellor");
        var (unknownRoleCode, unknownRole) = await RunAsync("grant-role", "nobody@example.org", "Wizard");

        Assert.Equal(1, unknownEmailCode);
        Assert.Contains("No account uses the e-mail 'nobody@example.org'", unknownEmail, StringComparison.Ordinal);
        Assert.Equal(2, unknownRoleCode);
        Assert.Contains("There is no role called 'Wizard'. The roles are: Client, Counsellor, Admin.", unknownRole, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_the_counsellor_role_takes_it_away_and_the_client_role_stays()
    {
        var (browser, email) = await app.NewSignedInPersonAsync("revoke");
        browser.Dispose();
        await RunAsync("grant-role", email, "Counsellor");

        var (code, output) = await RunAsync("revoke-role", email, "counsellor");
        var (again, second) = await RunAsync("revoke-role", email, "Counsellor");
        var (client, refused) = await RunAsync("revoke-role", email, "Client");
        var (nobody, unknown) = await RunAsync("revoke-role", "nobody@example.org", "Counsellor");

        Assert.Equal(0, code);
        Assert.Contains($"Revoked Counsellor from {email}", output, StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Contains("doesn't have the role Counsellor", second, StringComparison.Ordinal);
        Assert.Equal(2, client);
        Assert.Contains("Everyone is a Client", refused, StringComparison.Ordinal);
        Assert.Equal(1, nobody);
        Assert.Contains("No account uses the e-mail 'nobody@example.org'", unknown, StringComparison.Ordinal);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        Assert.Equal(["Client"], await users.GetRolesAsync((await users.FindByEmailAsync(email))!));
    }

    [Fact]
    public async Task The_remind_command_sends_what_a_day_brings_into_the_mail_folder_once()
    {
        app.Clock.SetTo(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));
        var (browser, email) = await app.NewSignedInPersonAsync("remind", "Europe/London");
        browser.Dispose();

        // The lead reminder for a yearly review from 22 November 2026 goes on 8 November 2027 at 09:00 in London.
        var (code, output) = await RunAsync("remind", "--at", "2027-11-08T09:30:00Z");
        var (again, second) = await RunAsync("remind", "--at", "2027-11-08T09:45:00Z");
        var (bad, refused) = await RunAsync("remind", "--at", "next tuesday");
        var (past, late) = await RunAsync("remind", "--at", "2020-01-01T00:00:00Z");

        Assert.True(code == 0, output);
        Assert.Contains("1 sent", output, StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Contains("0 sent", second, StringComparison.Ordinal);
        Assert.Equal(2, bad);
        Assert.Contains("isn't a date and time", refused, StringComparison.Ordinal);
        Assert.Equal(2, past);
        Assert.Contains("can't be in the past", late, StringComparison.Ordinal);
        var mail = Assert.Single(app.Mailbox.To(email, "career review"));
        Assert.Equal("Your career review is coming up on Monday 22 November 2027", mail.Subject);
        Assert.Contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click", mail.Raw, StringComparison.Ordinal);
        Assert.Contains("text/calendar", mail.Raw, StringComparison.Ordinal);
        Assert.Contains("review.ics", mail.Raw, StringComparison.Ordinal);
    }

    private Task<(int Code, string Output)> RunAsync(params string[] args) =>
        AppCommand.RunAsync(app, app.DatabaseSettings, TimeSpan.FromMinutes(2), args);
}
