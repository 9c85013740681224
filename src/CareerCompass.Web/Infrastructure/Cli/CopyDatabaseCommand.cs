using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using CareerCompass.Web.Data;
using CareerCompass.Web.Data.PostgreSql;
using CareerCompass.Web.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareerCompass.Web.Infrastructure.Cli;

/// <summary>
/// <c>dotnet run --project src/CareerCompass.Web -- copy-database --to "Host=…;Database=…;Username=…;Password=…"</c>:
/// copies everything in the configured SQLite database — accounts with their password hashes and 2FA keys, every
/// owned record, sharing, logs, reminders, the key ring and sign-in sessions (so people stay signed in), the O*NET and
/// BLS data — into an empty PostgreSQL database, migrating it first, then compares row counts and checksums per table.
/// It refuses a target that holds any row. The whole copy is one PostgreSQL transaction: it lands entirely or not at all.
/// </summary>
internal static class CopyDatabaseCommand
{
    public const string Name = "copy-database";

    private const string Usage = "Usage: copy-database --to \"Host=…;Database=…;Username=…;Password=…\"";

    public static async Task<int> RunAsync(IServiceProvider services, IReadOnlyList<string> args, TextWriter output, TextWriter error, bool interactive = false)
    {
        if (args.Count != 2 || args[0] != "--to" || string.IsNullOrWhiteSpace(args[1]))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        string target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(args[1]) { IncludeErrorDetail = true }.ConnectionString;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException)
        {
            await error.WriteLineAsync($"That isn't a PostgreSQL connection string ({e.Message}). It looks like \"Host=db.example.org;Database=careercompass;Username=careercompass;Password=…\".");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!source.Database.IsSqlite())
        {
            await error.WriteLineAsync("copy-database copies from SQLite, and the configured database (Database:Provider) is already PostgreSQL. Run it with the SQLite settings the app had.");
            return 2;
        }

        var file = new SqliteConnectionStringBuilder(source.Database.GetConnectionString()).DataSource;
        if (!File.Exists(file))
        {
            // Migrating would make a new, empty database there, and the copy would "succeed" with nobody in it.
            await error.WriteLineAsync($"There is no SQLite database at {file}. Run copy-database with the settings the app runs with (ConnectionStrings:CareerCompass, DataRoot).");
            return 2;
        }

        // The source brought up to date as a start would (migrations, key ring, O*NET release), so its tables are the model's.
        await Database.MigrateAsync(services);
        await using var destination = new PostgreSqlDbContext(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql(target).Options);
        try
        {
            return await CopyAsync(source, destination, output, error, interactive);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || e is InvalidOperationException { InnerException: NpgsqlException })
        {
            var reason = e as NpgsqlException ?? (NpgsqlException)e.InnerException!;
            await error.WriteLineAsync($"PostgreSQL stopped the copy: {(reason as PostgresException)?.MessageText ?? reason.Message}");
            await error.WriteLineAsync("Nothing was written to it (the copy is one transaction). The SQLite file is unchanged.");
            return 1;
        }
    }

    private static async Task<int> CopyAsync(AppDbContext source, PostgreSqlDbContext destination, TextWriter output, TextWriter error, bool interactive)
    {
        var plan = new DatabaseCopy(source, destination);
        var postgres = (NpgsqlConnection)destination.Database.GetDbConnection();
        var settings = new NpgsqlConnectionStringBuilder(postgres.ConnectionString);
        var where = $"{settings.Host}:{settings.Port}/{settings.Database ?? settings.Username}";
        try
        {
            // Opened here rather than by EF, whose execution strategy would wrap the reason in a "transient failure".
            await postgres.OpenAsync();
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            var reason = (e as PostgresException)?.MessageText ?? (e.InnerException is SocketException socket ? $"{e.Message} ({socket.Message})" : e.Message);
            await error.WriteLineAsync($"Could not connect to the PostgreSQL database {where}: {reason}");
            await error.WriteLineAsync("Check the --to connection string (host, port, database, user name, password) and that the server is running. Nothing was copied.");
            return 1;
        }

        // A database with CareerCompass's migrations is checked for rows before anything (migrations included) runs on
        // it; one without them must hold no tables at all, so the copy never mixes with something else's data.
        var applied = (await destination.Database.GetAppliedMigrationsAsync()).Any();
        if (applied)
        {
            if (await RefuseAsync(await plan.TargetRowsAsync(postgres, null), where, error))
            {
                return 1;
            }
        }
        else if (await OtherTablesAsync(postgres) is { Count: > 0 } others)
        {
            await error.WriteLineAsync(
                $"{where} already holds tables ({string.Join(", ", others.Take(5))}{(others.Count > 5 ? ", …" : string.Empty)}) but not CareerCompass's. " +
                "copy-database only writes into an empty database: create a new one (CREATE DATABASE careercompass OWNER careercompass) and point --to at it.");
            return 1;
        }

        var pending = (await destination.Database.GetPendingMigrationsAsync()).Count();
        if (pending > 0)
        {
            await output.WriteLineAsync($"Preparing {where}: applying {pending} migration{(pending == 1 ? string.Empty : "s")}…");
            await destination.Database.MigrateAsync();
        }

        var sqlite = (SqliteConnection)source.Database.GetDbConnection();
        await source.Database.OpenConnectionAsync();
        try
        {
            // A deferred read transaction: one snapshot of the file for the whole copy (WAL mode), even if something writes.
            await using var snapshot = sqlite.BeginTransaction(deferred: true);
            var watch = Stopwatch.StartNew();
            var copied = new Dictionary<string, TableSummary>(StringComparer.Ordinal);
            await using (var transaction = await postgres.BeginTransactionAsync())
            {
                // Two copies started at once into one database: the second waits here, then finds the first's rows.
                await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('copy-database', 0))", postgres, transaction))
                {
                    await lockCommand.ExecuteScalarAsync();
                }

                if (await RefuseAsync(await plan.TargetRowsAsync(postgres, transaction), where, error))
                {
                    return 1;
                }

                await plan.RemoveSeedRowsAsync(postgres, transaction);
                await output.WriteLineAsync($"Copying {sqlite.DataSource} into {where} ({plan.Tables.Count} tables):");
                foreach (var table in plan.Tables)
                {
                    var total = await DatabaseCopy.CountAsync(sqlite, snapshot, table.Name);
                    var bar = new ProgressBar(output, table.Name, total, interactive);
                    try
                    {
                        copied[table.Name] = await DatabaseCopy.CopyTableAsync(table, sqlite, snapshot, postgres, bar.Report);
                    }
                    catch (PostgresException e)
                    {
                        bar.Stop();
                        await error.WriteLineAsync($"Copying {table.Name} failed: {e.MessageText}{(e.Detail is { } detail ? $" ({detail})" : string.Empty)}.");
                        await error.WriteLineAsync("Nothing was written to PostgreSQL (the copy is one transaction). The SQLite file is unchanged.");
                        return 1;
                    }
                }

                await plan.ResetSequencesAsync(postgres, transaction);
                await DatabaseCopy.RebuildSearchAsync(postgres, transaction);
                await transaction.CommitAsync();
            }

            var rows = copied.Values.Sum(c => c.Rows);
            var seconds = watch.Elapsed.TotalSeconds;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Copied {rows:N0} rows in {seconds:0.0} s ({rows / Math.Max(seconds, 0.001):N0} rows/s). Checking…"));
            return await VerifyAsync(plan, copied, postgres, output, error);
        }
        finally
        {
            await source.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Reads every table back from PostgreSQL through the model and compares it with what was read from SQLite.</summary>
    private static async Task<int> VerifyAsync(DatabaseCopy plan, Dictionary<string, TableSummary> copied, NpgsqlConnection postgres, TextWriter output, TextWriter error)
    {
        var width = Math.Max("Table".Length, plan.Tables.Max(t => t.Name.Length));
        await output.WriteLineAsync($"{"Table".PadRight(width)}  {"SQLite",10}  {"PostgreSQL",10}  Checksum (SHA-256)");
        var mismatched = new List<string>();
        foreach (var table in plan.Tables)
        {
            var expected = copied[table.Name];
            var actual = await DatabaseCopy.SummarizeAsync(table, postgres, null, postgres: true);
            var same = expected == actual;
            if (!same)
            {
                mismatched.Add(table.Name);
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{table.Name.PadRight(width)}  {expected.Rows,10:N0}  {actual.Rows,10:N0}  {(same ? "match " + expected.Checksum[..12] : $"MISMATCH {expected.Checksum[..12]} ≠ {actual.Checksum[..12]}")}"));
        }

        if (mismatched.Count > 0)
        {
            await error.WriteLineAsync(
                $"{mismatched.Count} table{(mismatched.Count == 1 ? " doesn't" : "s don't")} match ({string.Join(", ", mismatched)}). " +
                "Keep running on SQLite; drop this PostgreSQL database, create it again and rerun, and report it if it happens again.");
            return 1;
        }

        await output.WriteLineAsync(
            $"All {plan.Tables.Count} tables match. To switch: set Database:Provider=PostgreSQL and ConnectionStrings:CareerCompass to this database, then start the app.");
        return 0;
    }

    private static async Task<bool> RefuseAsync(IReadOnlyList<(string Table, long Rows)> rows, string where, TextWriter error)
    {
        if (rows.Count == 0)
        {
            return false;
        }

        var some = rows.Take(4).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Table} has {r.Rows:N0} row{(r.Rows == 1 ? string.Empty : "s")}"));
        await error.WriteLineAsync($"{where} isn't empty: {string.Join(", ", some)}{(rows.Count > 4 ? $" (and {rows.Count - 4} more tables)" : string.Empty)}.");
        await error.WriteLineAsync(
            "copy-database only writes into an empty database, so nothing was copied. If the app has already started on it, " +
            "or an earlier copy finished, that data is there already; otherwise create a new, empty database and point --to at it.");
        return true;
    }

    private static async Task<List<string>> OtherTablesAsync(DbConnection postgres)
    {
        await using var command = postgres.CreateCommand();
        command.CommandText = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> '__EFMigrationsHistory' ORDER BY 1";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>
    /// Rows copied of a table: on a terminal one line redrawn per batch (<c>[#####-----]</c>); elsewhere (a log, a
    /// test) a line at every tenth and at the end.
    /// </summary>
    private sealed class ProgressBar(TextWriter output, string table, long total, bool interactive)
    {
        private const int Width = 30;
        private int _lastTenth = -1;
        private bool _done;

        public void Report(long rows)
        {
            if (_done)
            {
                return;
            }

            var fraction = total == 0 ? 1 : Math.Min(1, (double)rows / total);
            var finished = rows >= total;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"  {table,-24} [{new string('#', (int)(fraction * Width)).PadRight(Width, '-')}] {rows,9:N0} / {total:N0}");
            if (interactive)
            {
                output.Write("\r" + text);
                if (finished)
                {
                    output.WriteLine();
                }
            }
            else
            {
                var tenth = (int)(fraction * 10);
                if (finished || tenth > _lastTenth && tenth < 10)
                {
                    output.WriteLine(text);
                    _lastTenth = tenth;
                }
            }

            _done = finished;
        }

        public void Stop()
        {
            if (interactive && !_done)
            {
                output.WriteLine();
            }

            _done = true;
        }
    }
}
