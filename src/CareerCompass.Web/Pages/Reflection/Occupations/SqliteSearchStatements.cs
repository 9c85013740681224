using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using CareerCompass.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

/// <summary>
/// The occupation search's statement, kept prepared on a few SQLite connections of its own. Microsoft.Data.Sqlite
/// keeps a prepared statement only while its command and its connection stay open, and EF opens and closes its
/// connection around every query, so through EF SQLite parsed, resolved and planned this statement (CTEs, a union,
/// two FTS5 tables) on every search: about a fifth of the search page's processor time in <c>perf</c>, more than
/// running it. Here each connection stays open with the statement prepared; a search takes one, binds its values,
/// runs it and gives it back. Only reads run here: no transaction is left open between searches (the reader's end
/// resets the statement), and after an O*NET import or a migration SQLite prepares the statement again by itself.
/// EF's command diagnostics still see every run, so its interceptors and its log do as for any other statement.
/// </summary>
public sealed class SqliteSearchStatements : IDisposable
{
    // Searches run synchronously inside SQLite, so about one per processor is in flight at a time; a burst beyond
    // that opens connections that are closed again when given back.
    private static readonly int MaxIdle = Math.Max(4, 2 * Environment.ProcessorCount);

    private readonly ConcurrentBag<Prepared> _idle = [];
    private volatile bool _disposed;

    /// <summary>Runs <paramref name="sql"/> with <paramref name="values"/> (name and value) on a prepared connection of <paramref name="db"/>'s database, reading each row with <paramref name="read"/>.</summary>
    public async Task ReadAsync(AppDbContext db, string sql, IReadOnlyList<(string Name, object? Value)> values, Action<DbDataReader> read)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The database has no connection string.");
        var prepared = Rent(connectionString, sql, values);
        try
        {
            foreach (var (name, value) in values)
            {
                prepared.Command.Parameters[name].Value = value ?? DBNull.Value;
            }

            var logger = db.GetService<IRelationalCommandDiagnosticsLogger>();
            var connection = db.GetService<IRelationalConnection>();
            var commandId = Guid.NewGuid();
            var started = DateTimeOffset.UtcNow;
            var timer = Stopwatch.StartNew();
            var intercepted = await logger.CommandReaderExecutingAsync(
                connection, prepared.Command, sql, db, commandId, connection.ConnectionId, started, CommandSource.FromSqlQuery);
            var reader = intercepted.HasResult ? intercepted.Result : prepared.Command.ExecuteReader();
            reader = await logger.CommandReaderExecutedAsync(
                connection, prepared.Command, sql, db, commandId, connection.ConnectionId, reader, started, timer.Elapsed, CommandSource.FromSqlQuery);
            await using (reader)
            {
                while (reader.Read())
                {
                    read(reader);
                }
            }
        }
        catch
        {
            // A connection that failed mid-search (the file gone, a lock that outlasted the timeout) is not reused.
            prepared.Dispose();
            throw;
        }

        Return(prepared);
    }

    private Prepared Rent(string connectionString, string sql, IReadOnlyList<(string Name, object? Value)> values)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.ConnectionString == connectionString && idle.Command.CommandText == sql)
            {
                return idle;
            }

            idle.Dispose();
        }

        // Not pooled: Microsoft.Data.Sqlite's pool would prepare nothing, and this connection is held open anyway.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            connection.Open();
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in values)
            {
                command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
            }

            command.Prepare();
            return new Prepared(connectionString, connection, command);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Return(Prepared prepared)
    {
        if (_disposed || _idle.Count >= MaxIdle)
        {
            prepared.Dispose();
            return;
        }

        _idle.Add(prepared);
        if (_disposed)
        {
            Dispose(); // disposed while this search ran
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var idle))
        {
            idle.Dispose();
        }
    }

    private sealed record Prepared(string ConnectionString, SqliteConnection Connection, SqliteCommand Command) : IDisposable
    {
        public void Dispose()
        {
            Command.Dispose();
            Connection.Dispose();
        }
    }
}
