using CareerCompass.Domain.Occupations;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

/// <summary>
/// The occupations every page needs (code, title, preparation, interest profile), and what suggestions weigh besides
/// (O*NET's six work values, related occupations) as <see cref="Snapshot.Candidates"/>, read once and kept in
/// memory: the O*NET data changes only with a release, which is imported at start-up before the first request.
/// </summary>
public sealed class OccupationReference(IServiceScopeFactory scopes)
{
    private Task<Snapshot>? _load;

    public sealed record Entry(string Code, string Title, int JobZone, double[] Profile);

    /// <param name="Candidates">Every occupation as <see cref="Suggestions"/> ranks them, in the order of <paramref name="All"/>.</param>
    /// <param name="Version">The imported release these rows came from (<c>ReferenceData</c>), so what is kept from them can be keyed by it.</param>
    public sealed record Snapshot(IReadOnlyList<Entry> All, IReadOnlyDictionary<string, Entry> ByCode, IReadOnlyList<SuggestionCandidate> Candidates, string Version);

    /// <summary>The loaded data; two first requests at once may both read it (harmless), a failed read is retried.</summary>
    public Task<Snapshot> GetAsync()
    {
        var load = Volatile.Read(ref _load);
        if (load is null || load.IsFaulted || load.IsCanceled)
        {
            load = LoadAsync();
            Volatile.Write(ref _load, load);
        }

        return load;
    }

    private async Task<Snapshot> LoadAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Occupations.AsNoTracking().OrderBy(o => o.Title)
            .Select(o => new
            {
                o.Code, o.Title, o.JobZone, o.Realistic, o.Investigative, o.Artistic, o.Social, o.Enterprising, o.Conventional,
                o.Achievement, o.WorkingConditions, o.Recognition, o.Relationships, o.Support, o.Independence,
            })
            .ToListAsync();
        var related = (await db.RelatedOccupations.AsNoTracking().Select(r => new { r.Code, r.Rank, r.RelatedCode }).ToListAsync())
            .ToLookup(r => r.Code, StringComparer.Ordinal);
        var all = rows.Select(o => new Entry(o.Code, o.Title, o.JobZone, [o.Realistic, o.Investigative, o.Artistic, o.Social, o.Enterprising, o.Conventional])).ToList();
        var candidates = rows.Zip(all, (o, e) => new SuggestionCandidate(
                e.Code, e.Title, e.JobZone, e.Profile, WorkValuesOf(o.Achievement, o.WorkingConditions, o.Recognition, o.Relationships, o.Support, o.Independence),
                related[o.Code].OrderBy(r => r.Rank).Select(r => r.RelatedCode).ToList()))
            .ToList();
        var version = await db.ReferenceData.AsNoTracking().Where(r => r.Name == OnetImport.DataSet)
            .Select(r => r.Version).FirstOrDefaultAsync();
        return new Snapshot(all, all.ToDictionary(o => o.Code, StringComparer.Ordinal), candidates, version ?? string.Empty);
    }

    /// <summary>The six scores in <see cref="OnetWorkValue"/> order, or null when O*NET has none (or only some) for the occupation.</summary>
    private static double[]? WorkValuesOf(params double?[] scores) =>
        scores.All(s => s is not null) ? scores.Select(s => s!.Value).ToArray() : null;
}
