using CareerCompass.Domain.Time;

namespace CareerCompass.Web.Infrastructure.Reviews;

/// <summary>
/// When this instance last planned weekly digests. A person's digest is planned when their own Monday morning comes
/// (between the last planning and now), and a pass reads this week's milestones only when it has become Monday morning
/// in some time zone since then — a few dozen times a week, around Sunday evening to Monday evening
/// UTC — instead of every minute. It lives in memory (a singleton): after a restart the first pass plans, and what it
/// plans twice the unique (person, week, kind) index keeps once. Other instances keep their own.
/// </summary>
public sealed class DigestWatermark
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _plannedThrough;

    /// <summary>Whether some zone's Monday <paramref name="digestTime"/> came after the last planning and by <paramref name="now"/>.</summary>
    public bool MondayMorningSince(DateTimeOffset now, TimeOnly digestTime)
    {
        DateTimeOffset since;
        lock (_gate)
        {
            if (_plannedThrough is not { } last || now - last >= TimeSpan.FromDays(7))
            {
                return true;
            }

            since = last;
        }

        foreach (var zone in PersonTimeZone.All)
        {
            var monday = ReminderPass.MondayOf(PersonalDate.Today(now, zone));
            for (var week = 0; week < 2; week++)
            {
                var morning = LocalInstant.At(monday.AddDays(-7 * week), digestTime, zone);
                if (morning > since && morning <= now)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Where this planning's window starts: the last planning, or — for the first pass after a start — two days ago,
    /// so a short outage over someone's Monday morning still brings their digest (a longer one skips that week's).
    /// </summary>
    public DateTimeOffset Since(DateTimeOffset now)
    {
        lock (_gate)
        {
            return _plannedThrough is { } last && now - last < TimeSpan.FromDays(2) ? last : now - TimeSpan.FromDays(2);
        }
    }

    public void PlannedThrough(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_plannedThrough is not { } last || now > last)
            {
                _plannedThrough = now;
            }
        }
    }
}
