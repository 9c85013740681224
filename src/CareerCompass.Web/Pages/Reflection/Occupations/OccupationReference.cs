using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

/// <summary>
/// The occupations every page needs (code, title, preparation, interest profile), read once and kept in memory:
/// the O*NET data changes only with a release, which is imported at start-up before the first request.
/// </summary>
public sealed class OccupationReference(IServiceScopeFactory scopes)
{
    private Task<Snapshot>? _load;

    public sealed record Entry(string Code, string Title, int JobZone, double[] Profile);

    public sealed record Snapshot(IReadOnlyList<Entry> All, IReadOnlyDictionary<string, Entry> ByCode);

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
            .Select(o => new { o.Code, o.Title, o.JobZone, o.Realistic, o.Investigative, o.Artistic, o.Social, o.Enterprising, o.Conventional })
            .ToListAsync();
        var all = rows.Select(o => new Entry(o.Code, o.Title, o.JobZone, [o.Realistic, o.Investigative, o.Artistic, o.Social, o.Enterprising, o.Conventional])).ToList();
        return new Snapshot(all, all.ToDictionary(o => o.Code, StringComparer.Ordinal));
    }
}
