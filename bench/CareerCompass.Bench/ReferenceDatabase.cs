using System.Diagnostics;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerCompass.Bench;

/// <summary>
/// A SQLite file in a temporary folder built by the real migrations (WAL mode) and filled by the real O*NET/BLS import,
/// with the services a benchmark registers on top of <see cref="AppDbContext"/>; disposing removes it all.
/// </summary>
internal sealed class ReferenceDatabase : IAsyncDisposable
{
    private readonly string _folder;

    private ReferenceDatabase(string folder, ServiceProvider services)
    {
        _folder = folder;
        Services = services;
    }

    public ServiceProvider Services { get; }

    /// <summary>How long the import took (with the search indexes).</summary>
    public TimeSpan ImportTime { get; private set; }

    public static async Task<ReferenceDatabase> CreateAsync(Action<IServiceCollection> register)
    {
        var folder = Path.Combine(Path.GetTempPath(), "careercompass-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connection = $"Data Source={Path.Combine(folder, "bench.db")};Foreign Keys=True";
        var collection = new ServiceCollection().AddDbContext<AppDbContext>(o => o.UseSqlite(connection));
        register(collection);
        var database = new ReferenceDatabase(folder, collection.BuildServiceProvider());
        await using var scope = database.Services.CreateAsyncScope();
        var setup = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await setup.Database.MigrateAsync();
        await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var import = Stopwatch.StartNew();
        await OnetImport.ImportIfNeededAsync(setup, OnetImport.DefaultFolder, NullLogger.Instance);
        database.ImportTime = import.Elapsed;
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
