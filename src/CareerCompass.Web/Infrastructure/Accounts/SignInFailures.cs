using System.Collections.Concurrent;

namespace CareerCompass.Web.Infrastructure.Accounts;

/// <summary>
/// Wrong passwords per account (by normalised e-mail, whether or not an account has it, so a 429 says nothing about
/// who is registered) in a sliding window. Only failures count, and a successful sign-in, the unlock link or a
/// password reset forgets them. In memory, per instance; the number of accounts tracked is capped.
/// </summary>
public sealed class SignInFailures(TimeProvider clock, int limit, TimeSpan window)
{
    private const int MaxTracked = 100_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>Null while the account may be tried; otherwise how long until the oldest failure leaves the window.</summary>
    public TimeSpan? WaitFor(string account)
    {
        if (!_failures.TryGetValue(account, out var times))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        lock (times)
        {
            Prune(times, now);
            return times.Count >= limit ? times.Peek() + window - now : null;
        }
    }

    public void Record(string account)
    {
        if (_failures.Count >= MaxTracked)
        {
            // A flood of made-up addresses: start again rather than grow without bound.
            _failures.Clear();
        }

        var times = _failures.GetOrAdd(account, _ => new Queue<DateTimeOffset>());
        var now = clock.GetUtcNow();
        lock (times)
        {
            Prune(times, now);
            times.Enqueue(now);
        }
    }

    public void Forget(string account) => _failures.TryRemove(account, out _);

    private void Prune(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() <= now - window)
        {
            times.Dequeue();
        }
    }
}
