using CareerCompass.Domain.Occupations;
using CareerCompass.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

/// <summary>
/// Recent search results, kept in memory: the O*NET titles change only with a release, so the same words, level and
/// limit find the same occupations until the next import. Bounded (<see cref="Capacity"/> searches; when full, a
/// new search isn't kept and a quarter of the kept ones, least recently used first, make room) and keyed by the imported version the in-memory
/// <see cref="OccupationReference"/> was read from, so results from one release are never served for another.
/// </summary>
public sealed class OccupationSearchCache : IDisposable
{
    /// <summary>How many different searches are kept: each is at most 20 short rows, so a few hundred kilobytes in all.</summary>
    public const int Capacity = 2_000;

    /// <summary>Longer queries (rare, and unlikely to be typed twice) are not kept.</summary>
    private const int MaxKeyLength = 200;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.25 });

    internal static string? Key(string version, string query, int? jobZone, int limit)
    {
        // Everything the search reads from what was typed: its words and its normalized phrase (see SqliteOccupationSearch).
        var key = $"{version}\n{jobZone}\n{limit}\n{OccupationTitle.Normalize(query)}\n{string.Join(' ', SqliteOccupationSearch.Words(query))}";
        return key.Length > MaxKeyLength + version.Length ? null : key;
    }

    internal bool TryGet(string key, out IReadOnlyList<OccupationHit>? hits) => _cache.TryGetValue(key, out hits);

    internal void Set(string key, IReadOnlyList<OccupationHit> hits) => _cache.Set(key, hits, new MemoryCacheEntryOptions { Size = 1 });

    /// <summary>Forgets every kept result (after an import in a running app, or in a test that must see a search run).</summary>
    public void Clear() => _cache.Clear();

    public void Dispose() => _cache.Dispose();
}

/// <summary>
/// <see cref="IOccupationSearch"/> with recent results from <see cref="OccupationSearchCache"/>: a repeated search
/// costs no statement. The first search of a query runs the database's own (<see cref="SqliteOccupationSearch"/> or
/// <see cref="PostgreSqlOccupationSearch"/>).
/// </summary>
public sealed class CachedOccupationSearch(IDatabaseOccupationSearch search, OccupationSearchCache cache, OccupationReference reference) : IOccupationSearch
{
    public async Task<IReadOnlyList<OccupationHit>> SearchAsync(string query, int? jobZone, int limit)
    {
        var version = (await reference.GetAsync()).Version;
        if (OccupationSearchCache.Key(version, query, jobZone, limit) is not { } key)
        {
            return await search.SearchAsync(query, jobZone, limit);
        }

        if (cache.TryGet(key, out var kept) && kept is not null)
        {
            return kept;
        }

        var hits = (await search.SearchAsync(query, jobZone, limit)).ToArray();
        cache.Set(key, hits);
        return hits;
    }
}

public static class OccupationSearchServices
{
    /// <summary>
    /// The occupation search the pages use: the database's own text search (SQLite FTS5 or PostgreSQL's, by the
    /// provider in use) behind the in-memory cache of recent results.
    /// </summary>
    public static IServiceCollection AddOccupationSearch(this IServiceCollection services)
    {
        services.AddSingleton<OccupationReference>();
        services.AddSingleton<OccupationSearchCache>();
        services.AddSingleton<SqliteSearchStatements>();
        services.AddScoped<SqliteOccupationSearch>();
        services.AddScoped<PostgreSqlOccupationSearch>();
        services.AddScoped<IDatabaseOccupationSearch>(sp => sp.GetRequiredService<AppDbContext>().Database.IsNpgsql()
            ? sp.GetRequiredService<PostgreSqlOccupationSearch>()
            : sp.GetRequiredService<SqliteOccupationSearch>());
        services.AddScoped<IOccupationSearch, CachedOccupationSearch>();
        return services;
    }
}
