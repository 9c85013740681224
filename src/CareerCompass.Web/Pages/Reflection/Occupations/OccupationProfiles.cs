using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

/// <summary>
/// What each occupation page shows beyond the profile – top tasks, typical education, related occupations, BLS pay
/// and outlook – read once for all occupations and kept in memory (about 20,000 small rows), like
/// <see cref="OccupationReference"/>: a page view costs no query for it.
/// </summary>
public sealed class OccupationProfiles(IServiceScopeFactory scopes, OccupationReference reference)
{
    public const int MaxTasks = 8;

    private Task<IReadOnlyDictionary<string, Profile>>? _load;

    /// <param name="TasksRated">False where O*NET lists only tasks it hasn't rated or classified, so the order isn't by importance.</param>
    public sealed record Profile(
        IReadOnlyList<string> Tasks,
        bool TasksRated,
        Education? Education,
        IReadOnlyList<Related> Related,
        string? BlsCode,
        bool BlsSharedFigures,
        Wage? Wage,
        Outlook? Outlook);

    public sealed record Education(int Category, double Percent, int? TiedWith, bool LowPrecision);

    public sealed record Related(string Code, string Title);

    /// <summary>Yearly figures are null where BLS doesn't publish them; the TopCoded flags mean "at or above $239,200" (yearly) / "$115.00" (hourly).</summary>
    public sealed record Wage(string Title, int? Median, int? P10, int? P90, double? HourlyMedian, bool MedianTopCoded, bool P90TopCoded, bool HourlyTopCoded);

    public sealed record Outlook(string Title, double GrowthPercent, int AnnualOpenings);

    public async Task<Profile?> FindAsync(string code) =>
        (await GetAsync()).TryGetValue(code, out var profile) ? profile : null;

    private Task<IReadOnlyDictionary<string, Profile>> GetAsync()
    {
        var load = Volatile.Read(ref _load);
        if (load is null || load.IsFaulted || load.IsCanceled)
        {
            load = LoadAsync();
            Volatile.Write(ref _load, load);
        }

        return load;
    }

    private async Task<IReadOnlyDictionary<string, Profile>> LoadAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Titles and related codes are already in memory in OccupationReference; read only what it doesn't hold.
        var occupations = await reference.GetAsync();
        var titles = occupations.ByCode;
        var related = occupations.Candidates.ToDictionary(c => c.Code, c => c.Related, StringComparer.Ordinal);
        var tasks = (await db.OccupationTasks.AsNoTracking().Select(t => new { t.Code, t.Position, t.Statement, t.TaskType }).ToListAsync())
            .GroupBy(t => t.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(t => t.Position).ToList(), StringComparer.Ordinal);
        var education = await db.OccupationEducation.AsNoTracking().ToDictionaryAsync(e => e.Code, StringComparer.Ordinal);
        var bls = await db.OccupationBlsCodes.AsNoTracking().ToDictionaryAsync(b => b.Code, StringComparer.Ordinal);
        var wages = await db.BlsWages.AsNoTracking().ToDictionaryAsync(w => w.SocCode, StringComparer.Ordinal);
        var outlook = await db.BlsOutlook.AsNoTracking().ToDictionaryAsync(o => o.SocCode, StringComparer.Ordinal);

        var profiles = new Dictionary<string, Profile>(StringComparer.Ordinal);
        foreach (var code in titles.Keys)
        {
            var all = tasks.GetValueOrDefault(code) ?? [];
            var core = all.Where(t => t.TaskType == "Core").Take(MaxTasks).Select(t => t.Statement).ToList();
            var rated = core.Count > 0;
            var shown = rated ? core : all.Take(MaxTasks).Select(t => t.Statement).ToList();
            var e = education.GetValueOrDefault(code);
            var map = bls.GetValueOrDefault(code);
            var w = map is null ? null : wages.GetValueOrDefault(map.BlsCode);
            var o = map is null ? null : outlook.GetValueOrDefault(map.BlsCode);
            profiles[code] = new Profile(
                shown,
                rated,
                e is null ? null : new Education(e.Category, e.Percent, e.TiedWith, e.RecommendSuppress == true),
                related[code].Where(titles.ContainsKey).Select(c => new Related(c, titles[c].Title)).ToList(),
                map?.BlsCode,
                map is not null && (map.Match != "exact" || !code.EndsWith(".00", StringComparison.Ordinal)),
                w is null ? null : new Wage(w.Title, w.AnnualMedian, w.AnnualP10, w.AnnualP90, w.HourlyMedian,
                    w.TopCoded.Contains("annual_median", StringComparison.Ordinal), w.TopCoded.Contains("annual_p90", StringComparison.Ordinal),
                    w.TopCoded.Contains("hourly_median", StringComparison.Ordinal)),
                o is null ? null : new Outlook(o.Title, o.GrowthPercent, o.AnnualOpenings));
        }

        return profiles;
    }
}
