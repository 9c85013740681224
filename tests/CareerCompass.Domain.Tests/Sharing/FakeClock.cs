namespace CareerCompass.Domain.Tests.Sharing;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class FakeClock(DateTimeOffset start)
{
    public DateTimeOffset Now { get; private set; } = start;

    public DateTimeOffset Advance(TimeSpan by) => Now += by;
}
