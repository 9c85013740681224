using System.Globalization;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Email;
using CareerCompass.Web.Infrastructure.Reviews;
using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Infrastructure.Cli;

/// <summary>
/// <c>dotnet run --project src/CareerCompass.Web -- remind [--at 2027-03-01T10:00:00Z]</c>: runs one reminder
/// dispatcher pass now and exits — to check an SMTP set-up, or, with <c>--at</c>, to see the reminders a day will
/// bring without waiting for it (what it sends is recorded as sent, exactly as the running app would).
/// </summary>
internal static class RemindCommand
{
    public const string Name = "remind";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        var clock = TimeProvider.System;
        if (args.Count == 2 && args[0] == "--at")
        {
            if (!DateTimeOffset.TryParse(args[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                await error.WriteLineAsync($"'{args[1]}' isn't a date and time. Try 2027-03-01T10:00:00Z.");
                return 2;
            }

            if (at < TimeProvider.System.GetUtcNow().AddMinutes(-1))
            {
                // Its leases would already have run out for a running app, which could send the same rows at once.
                await error.WriteLineAsync("--at can't be in the past: reminders due then have been (or are being) sent by the app.");
                return 2;
            }

            clock = new FixedClock(at);
        }
        else if (args.Count != 0)
        {
            await error.WriteLineAsync($"Usage: {Name} [--at <date and time, e.g. 2027-03-01T10:00:00Z>]");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var pass = new ReminderPass(
            provider.GetRequiredService<AppDbContext>(),
            provider.GetRequiredService<IAppMailer>(),
            provider.GetRequiredService<ReminderMail>(),
            clock,
            provider.GetRequiredService<IOptions<ReminderOptions>>(),
            provider.GetRequiredService<ILogger<ReminderPass>>());
        var result = await pass.RunAsync(CancellationToken.None);
        var email = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
        await output.WriteLineAsync(
            $"As of {clock.GetUtcNow():yyyy-MM-dd HH:mm} UTC: {result.Sent} sent, {result.Skipped} skipped, {result.Cancelled} cancelled, " +
            $"{result.Failed} to try again; {result.DigestsPlanned} weekly digests planned." +
            (email.Transport == EmailTransport.Pickup ? $" The e-mails are in {email.PickupDirectory}/." : string.Empty));
        return result.Failed == 0 ? 0 : 1;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
