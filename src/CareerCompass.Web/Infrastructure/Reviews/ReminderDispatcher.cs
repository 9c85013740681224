using Microsoft.Extensions.Options;

namespace CareerCompass.Web.Infrastructure.Reviews;

/// <summary>
/// Sends reminders as they fall due (cf. eShop's <c>GracePeriodManagerService</c>): a pass every
/// <see cref="ReminderOptions.Interval"/>, each in a new scope, stopping when the host stops. The pass itself
/// (<see cref="ReminderPass"/>) makes sending exactly-once in effect, so any number of instances may run this.
/// </summary>
public sealed partial class ReminderDispatcher(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReminderDispatcher> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ReminderPass>().RunAsync(stoppingToken);
                if (result.Claimed > 0 || result.DigestsPlanned > 0)
                {
                    LogPass(logger, result.Sent, result.Skipped, result.Cancelled, result.Failed, result.DigestsPlanned);
                }

                // New-comment e-mails ride on the same loop: one background sender for everything that falls due.
                await scope.ServiceProvider.GetRequiredService<CareerCompass.Web.Infrastructure.Sharing.CommentMailPass>().RunAsync(stoppingToken);

                // And access-log entries past their two years go (an indexed delete; nothing to do most of the time).
                await CareerCompass.Web.Infrastructure.Sharing.AccessLogRetention.RemoveExpiredAsync(
                    scope.ServiceProvider.GetRequiredService<CareerCompass.Web.Data.AppDbContext>(), clock.GetUtcNow());
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // one failed pass (the database away a moment) must not end the dispatcher
            catch (Exception failure)
#pragma warning restore CA1031
            {
                LogFailed(logger, failure);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders are turned off on this instance (Reminders:Enabled).")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminder pass: {Sent} sent, {Skipped} skipped, {Cancelled} cancelled, {Failed} to retry; {Digests} digests planned.")]
    private static partial void LogPass(ILogger logger, int sent, int skipped, int cancelled, int failed, int digests);

    [LoggerMessage(Level = LogLevel.Error, Message = "A reminder pass failed; the next one will try again.")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
