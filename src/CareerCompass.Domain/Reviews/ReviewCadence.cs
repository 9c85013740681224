namespace CareerCompass.Domain.Reviews;

/// <summary>How often a person looks back at their goals.</summary>
public enum ReviewCadence
{
    Yearly,
    HalfYearly,
    Quarterly,
}

public static class ReviewCadences
{
    public static int Months(this ReviewCadence cadence) => cadence switch
    {
        ReviewCadence.Yearly => 12,
        ReviewCadence.HalfYearly => 6,
        ReviewCadence.Quarterly => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, null),
    };

    /// <summary>
    /// <paramref name="from"/> plus one cadence, on the same day of the month — or the month's last day when it has
    /// no such day (31 August + 6 months is 28 or 29 February; 29 February + a year is 28 February).
    /// </summary>
    public static DateOnly After(this ReviewCadence cadence, DateOnly from) => from.AddMonths(cadence.Months());
}
