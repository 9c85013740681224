namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>A clock the tests move by hand; starts at a fixed instant so every run sees the same "today".</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (this)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock to <paramref name="instant"/> (sign-ins older than 14 days expire, as they would).</summary>
    public void SetTo(DateTimeOffset instant)
    {
        lock (this)
        {
            _now = instant;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (this)
        {
            _now += by;
        }
    }
}
