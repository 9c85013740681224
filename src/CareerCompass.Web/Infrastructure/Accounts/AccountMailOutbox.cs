using System.Threading.Channels;

namespace CareerCompass.Web.Infrastructure.Accounts;

/// <summary>
/// Account e-mails that must not change how long a request takes (forgot password, resend confirmation, the
/// lock-out notice): the page answers at once, the same for every address, and the mail goes out from here.
/// A mail still queued when the app stops is not sent; the person can ask again.
/// </summary>
public sealed partial class AccountMailOutbox(IServiceScopeFactory scopes, ILogger<AccountMailOutbox> logger) : BackgroundService
{
    private readonly Channel<Func<AccountMail, Task>> _work =
        Channel.CreateBounded<Func<AccountMail, Task>>(new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(Func<AccountMail, Task> work)
    {
        if (!_work.Writer.TryWrite(work))
        {
            LogQueueFull(logger);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _work.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                await work(scope.ServiceProvider.GetRequiredService<AccountMail>());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An account e-mail could not be sent.")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Too many account e-mails are waiting; one was dropped.")]
    private static partial void LogQueueFull(ILogger logger);
}
