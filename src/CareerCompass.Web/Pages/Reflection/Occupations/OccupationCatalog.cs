using CareerCompass.Domain.Occupations;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

public sealed record OccupationHit(string Code, string Title, int JobZone, string? AlsoCalled);

public sealed record OccupationSuggestion(string Code, string Title, int JobZone, double Fit);

public sealed record OccupationDetails(Occupation Occupation, IReadOnlyList<OccupationSkill> TopSkills);

/// <summary>Reads the O*NET reference data: search by any title, suggestions by interest fit, one occupation's details.</summary>
public sealed class OccupationCatalog(AppDbContext db)
{
    public const int MaxQueryLength = 100;

    /// <summary>
    /// Occupations with a title (their own or an alternate) containing every word typed; exact and starts-with
    /// matches first, then shorter titles. Two queries whatever the number of matches.
    /// </summary>
    public async Task<IReadOnlyList<OccupationHit>> SearchAsync(string query, int? jobZone, int limit = 20)
    {
        var words = OccupationTitle.Normalize(query).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6).ToArray();
        if (words.Length == 0)
        {
            return [];
        }

        var phrase = string.Join(' ', words);
        var titles = db.OccupationTitles.AsNoTracking();
        foreach (var word in words)
        {
            titles = titles.Where(t => t.SearchText.Contains(word));
        }

#pragma warning disable CA1310 // Translated to SQL by EF, where the comparison is the database's, not the locale's.
        var ranked = await (
            from t in titles
            join o in db.Occupations on t.Code equals o.Code
            where jobZone == null || o.JobZone == jobZone
            group t by new { o.Code, o.Title, o.JobZone } into g
            select new
            {
                g.Key.Code,
                g.Key.Title,
                g.Key.JobZone,
                Rank = g.Min(t => t.SearchText == phrase ? 0 : t.SearchText.StartsWith(phrase) ? 1 : 2),
                Shortest = g.Min(t => t.SearchText.Length),
            })
            .OrderBy(r => r.Rank).ThenBy(r => r.Shortest).ThenBy(r => r.Title)
            .Take(limit)
            .ToListAsync();
#pragma warning restore CA1310

        var codes = ranked.Select(r => r.Code).ToList();
        var matched = await titles.Where(t => codes.Contains(t.Code)).Select(t => new { t.Code, t.Title }).ToListAsync();
        var alsoCalled = matched.GroupBy(t => t.Code).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Title.Length).First().Title);

        return ranked.Select(r => new OccupationHit(
            r.Code, r.Title, r.JobZone,
            alsoCalled.TryGetValue(r.Code, out var also) && !string.Equals(also, r.Title, StringComparison.OrdinalIgnoreCase) ? also : null)).ToList();
    }

    /// <summary>The occupations whose interest profile has the closest shape to the person's, best first.</summary>
    public async Task<IReadOnlyList<OccupationSuggestion>> SuggestAsync(
        IReadOnlyDictionary<RiasecArea, double> profile, int? jobZone, IReadOnlySet<string> exclude, int limit = 10)
    {
        var occupations = await db.Occupations.AsNoTracking()
            .Where(o => jobZone == null || o.JobZone == jobZone)
            .Select(o => new { o.Code, o.Title, o.JobZone, o.Realistic, o.Investigative, o.Artistic, o.Social, o.Enterprising, o.Conventional })
            .ToListAsync();

        return occupations
            .Where(o => !exclude.Contains(o.Code))
            .Select(o => new OccupationSuggestion(o.Code, o.Title, o.JobZone,
                Riasec.Fit(profile, [o.Realistic, o.Investigative, o.Artistic, o.Social, o.Enterprising, o.Conventional])))
            .OrderByDescending(s => s.Fit).ThenBy(s => s.Title)
            .Take(limit)
            .ToList();
    }

    /// <summary>The occupation's title, or null for a code that isn't in the data.</summary>
    public Task<string?> TitleOfAsync(string code) =>
        db.Occupations.AsNoTracking().Where(o => o.Code == code).Select(o => o.Title).FirstOrDefaultAsync();

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
