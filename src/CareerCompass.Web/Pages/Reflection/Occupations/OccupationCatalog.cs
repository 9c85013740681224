using CareerCompass.Domain.Occupations;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

public sealed record OccupationHit(string Code, string Title, int JobZone, string? AlsoCalled);

public sealed record OccupationSuggestion(string Code, string Title, int JobZone, double Fit);

public sealed record OccupationDetails(Occupation Occupation, IReadOnlyList<OccupationSkill> TopSkills);

/// <summary>
/// Reads the O*NET reference data: search by any title, suggestions by interest fit (from the in-memory
/// <see cref="OccupationReference"/>), one occupation's details.
/// </summary>
public sealed class OccupationCatalog(AppDbContext db, OccupationReference reference, IOccupationSearch search)
{
    public const int MaxQueryLength = 100;

    /// <summary>Occupations whose own or alternate titles match what was typed, best first (see <see cref="SqliteOccupationSearch"/>).</summary>
    public Task<IReadOnlyList<OccupationHit>> SearchAsync(string query, int? jobZone, int limit = 20) =>
        search.SearchAsync(query, jobZone, limit);

    /// <summary>The occupations whose interest profile has the closest shape to the person's, best first.</summary>
    public async Task<IReadOnlyList<OccupationSuggestion>> SuggestAsync(
        IReadOnlyDictionary<RiasecArea, double> profile, int? jobZone, IReadOnlySet<string> exclude, int limit = 10)
    {
        var all = await reference.GetAsync();
        return all.All
            .Where(o => (jobZone == null || o.JobZone == jobZone) && !exclude.Contains(o.Code))
            .Select(o => new OccupationSuggestion(o.Code, o.Title, o.JobZone, Riasec.Fit(profile, o.Profile)))
            .OrderByDescending(s => s.Fit).ThenBy(s => s.Title, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
    }

    /// <summary>The occupation's title, or null for a code that isn't in the data.</summary>
    public async Task<string?> TitleOfAsync(string code) =>
        (await reference.GetAsync()).ByCode.TryGetValue(code, out var o) ? o.Title : null;

    public async Task<OccupationDetails?> FindAsync(string code)
    {
        var occupation = await db.Occupations.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code);
        if (occupation is null)
        {
            return null;
        }

        var skills = await db.OccupationSkills.AsNoTracking()
            .Where(s => s.Code == code).OrderByDescending(s => s.Importance).ThenBy(s => s.Name).Take(5).ToListAsync();
        return new OccupationDetails(occupation, skills);
    }
}
