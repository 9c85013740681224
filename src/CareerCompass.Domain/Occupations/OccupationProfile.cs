namespace CareerCompass.Domain.Occupations;

/// <summary>An O*NET task statement; <see cref="Position"/> is its 1-based place in the published order (Core first, by importance).</summary>
public sealed class OccupationTask
{
    public required string Code { get; init; }

    public required int TaskId { get; init; }

    public required int Position { get; init; }

    public required string Statement { get; init; }

    /// <summary>"Core", "Supplemental", or null for tasks O*NET hasn't rated or classified.</summary>
    public string? TaskType { get; init; }
}

/// <summary>O*NET's "Required Level of Education": the category most respondents chose (1–12) and what share chose it.</summary>
public sealed class OccupationEducation
{
    public required string Code { get; init; }

    public required int Category { get; init; }

    /// <summary>The category's O*NET description, verbatim.</summary>
    public required string Level { get; init; }

    public required double Percent { get; init; }

    public int? TiedWith { get; init; }

    /// <summary>O*NET's low-precision flag for the estimate; null where the source has none.</summary>
    public bool? RecommendSuppress { get; init; }
}

/// <summary>O*NET's related occupations: <see cref="Rank"/> 1 is the most related.</summary>
public sealed class RelatedOccupation
{
    public required string Code { get; init; }

    public required int Rank { get; init; }

    public required string RelatedCode { get; init; }

    public required string Tier { get; init; }
}

/// <summary>Which BLS occupation's wages and outlook stand for an O*NET occupation ("exact", "broad_group" or "bls_aggregate").</summary>
public sealed class OccupationBlsCode
{
    public required string Code { get; init; }

    public required string BlsCode { get; init; }

    public required string Match { get; init; }
}

/// <summary>BLS OEWS May 2024 national wages; a null figure is one BLS doesn't publish, or a top-coded one (see <see cref="TopCoded"/>).</summary>
public sealed class BlsWage
{
    public required string SocCode { get; init; }

    public required string Title { get; init; }

    public required int Employment { get; init; }

    public int? AnnualMedian { get; init; }

    public int? AnnualP10 { get; init; }

    public int? AnnualP90 { get; init; }

    public double? HourlyMedian { get; init; }

    /// <summary>The columns BLS published as "#" (at or above its top figure), separated by ";"; empty if none.</summary>
    public required string TopCoded { get; init; }
}

/// <summary>BLS Employment Projections 2024–34: percent change in employment and average openings a year.</summary>
public sealed class BlsOutlook
{
    public required string SocCode { get; init; }

    public required string Title { get; init; }

    public required double GrowthPercent { get; init; }

    public required int AnnualOpenings { get; init; }
}
