using CareerCompass.Domain.Occupations;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

public sealed record OccupationHit(string Code, string Title, int JobZone, string? AlsoCalled);

public sealed record OccupationDetails(Occupation Occupation, IReadOnlyList<OccupationSkill> TopSkills);

/// <summary>
/// Reads the O*NET reference data: search by any title, suggestions that fit the whole person (from the in-memory
/// <see cref="OccupationReference"/>), one occupation's details.
/// </summary>
public sealed class OccupationCatalog(AppDbContext db, OccupationReference reference, IOccupationSearch search)
{
    public const int MaxQueryLength = 100;

    /// <summary>Occupations whose own or alternate titles match what was typed, best first (see <see cref="SqliteOccupationSearch"/>).</summary>
    public Task<IReadOnlyList<OccupationHit>> SearchAsync(string query, int? jobZone, int limit = 20) =>
        search.SearchAsync(query, jobZone, limit);

    /// <summary>Suggestions that fit the whole person, best first (see <see cref="Suggestions"/>), from the in-memory reference data: no query.</summary>
    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(SuggestionRequest request) =>
        Suggestions.Rank(request, (await reference.GetAsync()).Candidates);

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
