using CareerCompass.Domain.Goals;
using Microsoft.Extensions.Caching.Memory;

namespace CareerCompass.Web.Pages.Goals;

/// <summary>
/// The coach's recent verdicts on saved goals, kept in memory. A verdict is a pure function of the goal's words,
/// numbers and dates and of the day (<see cref="SmartCoach"/>), so the same input on the same day always has the
/// same verdict: a goal page shown again doesn't read its statement again (about 5 % of the page's processor time
/// in a profile). An edit changes the input and so the key; nothing needs forgetting. Bounded
/// (<see cref="Capacity"/> verdicts; when full, a quarter of them, least recently used first, make room), and each
/// instance keeps its own: a verdict worked out twice is the same verdict.
/// </summary>
public sealed class SmartVerdicts : IDisposable
{
    /// <summary>How many verdicts are kept: each is five short pieces of advice, so a few megabytes at most.</summary>
    public const int Capacity = 2_000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    public SmartVerdict Check(SmartInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _cache.GetOrCreate((input, today), entry =>
        {
            entry.Size = 1;
            return SmartCoach.Check(input, today);
        })!;
    }

    public void Dispose() => _cache.Dispose();
}
