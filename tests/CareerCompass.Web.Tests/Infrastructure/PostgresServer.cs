using System.Diagnostics;
using CareerCompass.Web.Data.PostgreSql;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the PostgreSQL tests use: the one <c>scripts/test.sh</c> started (its connection string in
/// <c>CAREERCOMPASS_TEST_POSTGRES</c>), or, when the tests run on their own (<c>dotnet test</c>), a throwaway cluster
/// this process starts once with <c>scripts/postgres.sh</c> (Debian's server, installed if missing) and stops when it
/// exits. Each test makes databases of its own with <see cref="CreateDatabaseAsync"/>.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string for the server's <c>postgres</c> database (for CREATE / DROP DATABASE).</summary>
    public static string AdminConnectionString => Server.Value;

    /// <summary>Creates an empty database with a name of its own; returns its connection string.</summary>
    public static Task<string> CreateDatabaseAsync(string purpose) => CreateAsync(purpose, template: null);

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> (closing this process's pooled connections to it first).</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    /// <summary>True when this test run is the PostgreSQL run of the integration suite (<c>CAREERCOMPASS_TEST_PROVIDER=PostgreSQL</c>).</summary>
    public static bool IsTheProvider =>
        string.Equals(Environment.GetEnvironmentVariable("CAREERCOMPASS_TEST_PROVIDER"), "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A new database copied from a template that was migrated and loaded with the O*NET and BLS data once per test
    /// run (PostgreSQL's <c>CREATE DATABASE … TEMPLATE</c>, a file copy), so each test class starts where a fresh
    /// install would, without importing again.
    /// </summary>
    public static async Task<string> CreateMigratedDatabaseAsync(string purpose) => await CreateAsync(purpose, await TemplateAsync());

    private static async Task<string> CreateAsync(string purpose, string? template)
    {
        var name = $"cc_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        name = name.Length > 63 ? name[..63] : name;
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            var from = template is null ? string.Empty : $" TEMPLATE \"{template}\"";
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{from}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    private static async Task<string> TemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var connectionString = await CreateDatabaseAsync("template");
                var options = new DbContextOptionsBuilder<PostgreSqlDbContext>()
                    .UseNpgsql(connectionString).Options;
                await using (var db = new PostgreSqlDbContext(options))
                {
                    await db.Database.MigrateAsync();
                    await OnetImport.ImportIfNeededAsync(db, OnetImport.DefaultFolder, NullLogger.Instance);
                }

                // A template must have no open connections when it is copied.
                NpgsqlConnection.ClearAllPools();
                _template = new NpgsqlConnectionStringBuilder(connectionString).Database;
            }

            return _template!;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    private static string Start()
    {
        var given = Environment.GetEnvironmentVariable("CAREERCOMPASS_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        var folder = Path.Combine(Path.GetTempPath(), "careercompass-postgres", Guid.NewGuid().ToString("N"));
        var script = Path.Combine(Repository.Root, "scripts", "postgres.sh");
        var connectionString = Run(script, "start", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            Run(script, "stop", folder);
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A server file still held; the folder is in the temp directory.
            }
            catch (UnauthorizedAccessException)
            {
                // Owned by the postgres user when the tests run as root.
            }
        };
        return connectionString;
    }

    private static string Run(string script, string command, string folder)
    {
        using var process = Process.Start(new ProcessStartInfo(script, [command, folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} {command} failed ({process.ExitCode}): {error}");
        }

        return output.Trim().Split('\n')[^1];
    }
}
