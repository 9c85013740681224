using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using CareerCompass.Web.Data;
using CareerCompass.Web.Data.PostgreSql;
using CareerCompass.Web.Pages.Reflection.Occupations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace CareerCompass.Web.Infrastructure.Persistence;

/// <summary>
/// Copies every table of the model from a SQLite database into an empty, migrated PostgreSQL one (the mechanics of
/// <c>copy-database</c>). The tables and their columns come from the EF model (<c>GetRelationalModel()</c>), so a
/// table added later is copied without changing this. Each value is read as EF reads it on SQLite (the column's type
/// mapping and value converter, giving the model's value) and written as EF writes it on PostgreSQL (the PostgreSQL
/// model's mapping and converter), by binary <c>COPY</c>.
/// </summary>
internal sealed class DatabaseCopy
{
    /// <summary>Rows between two progress reports.</summary>
    public const int BatchSize = 2_000;

    public DatabaseCopy(AppDbContext source, PostgreSqlDbContext target)
    {
        var sourceTables = source.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        Tables = [.. InForeignKeyOrder(target.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.Where(t => t.Schema is null))
            .Select(t => new TablePlan(t, sourceTables.TryGetValue(t.Name, out var s)
                ? s
                : throw new InvalidOperationException($"The SQLite model has no table {t.Name}.")))];
    }

    /// <summary>The tables in the order they are copied: every table after the tables its foreign keys point to.</summary>
    public IReadOnlyList<TablePlan> Tables { get; }

    /// <summary>
    /// The tables the copy would write that already hold rows, with their counts. Rows the migrations themselves put
    /// there (<c>HasData</c>: the three roles) don't count; the copy replaces them with the source's.
    /// </summary>
    public async Task<IReadOnlyList<(string Table, long Rows)>> TargetRowsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
        var found = new List<(string, long)>();
        foreach (var table in Tables)
        {
            var rows = await ScalarAsync<long>(connection, transaction, $"SELECT count(*) FROM {Quote(table.Name)}{table.NotSeedFilter()}");
            if (rows > 0)
            {
                found.Add((table.Name, rows));
            }
        }

        return found;
    }

    /// <summary>Removes the migrations' own rows (see <see cref="TargetRowsAsync"/>), inside the copy's transaction.</summary>
    public async Task RemoveSeedRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        foreach (var table in Tables.Where(t => t.HasSeedRows).Reverse())
        {
            await ExecuteAsync(connection, transaction, $"DELETE FROM {Quote(table.Name)}");
        }
    }

    /// <summary>Streams one table from SQLite into PostgreSQL; returns the source's row count and checksum.</summary>
    public static async Task<TableSummary> CopyTableAsync(TablePlan table, DbConnection sqlite, DbTransaction snapshot, NpgsqlConnection postgres, Action<long> progress)
    {
        var checksum = new TableChecksum();
        await using var read = sqlite.CreateCommand();
        read.Transaction = snapshot;
        read.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)}";
        await using var reader = await read.ExecuteReaderAsync();

        // One COPY per table, streamed: PostgreSQL checks its (non-deferrable) foreign keys at the end of each
        // statement, so rows of one table that point at each other may arrive in any order; between tables the order
        // of Tables does it.
        await using var importer = await postgres.BeginBinaryImportAsync(
            $"COPY {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)");
        var values = new object?[table.Columns.Count];
        long rows = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = table.Columns[i].ReadSource(reader, i);
            }

            checksum.Add(table, values);
            await importer.StartRowAsync();
            for (var i = 0; i < values.Length; i++)
            {
                await table.Columns[i].WriteTargetAsync(importer, values[i]);
            }

            if (++rows % BatchSize == 0)
            {
                progress(rows);
            }
        }

        await importer.CompleteAsync();
        progress(rows);
        return new TableSummary(rows, checksum.Finish());
    }

    /// <summary>Rows in a SQLite table (for the progress bar's total).</summary>
    public static async Task<long> CountAsync(DbConnection connection, DbTransaction? transaction, string table) =>
        await ScalarAsync<long>(connection, transaction, $"SELECT count(*) FROM {Quote(table)}");

    /// <summary>
    /// Moves every identity sequence past the largest id copied, so the next row PostgreSQL numbers itself doesn't
    /// collide with a copied one (COPY with explicit ids leaves the sequences at 1).
    /// </summary>
    public async Task ResetSequencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var names = Tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var identities = new List<(string Table, string Column)>();
        await using (var command = new NpgsqlCommand(
            "SELECT table_name, column_name FROM information_schema.columns " +
            "WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')", connection, transaction))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                identities.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (table, column) in identities.Where(i => names.Contains(i.Table)))
        {
            await using var command = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE((SELECT max({Quote(column)}) FROM {Quote(table)}), 0) + 1, false)",
                connection,
                transaction);
            command.Parameters.AddWithValue("table", Quote(table));
            command.Parameters.AddWithValue("column", column);
            await command.ExecuteScalarAsync();
        }
    }

    /// <summary>PostgreSQL's occupation search tables are copies of the titles (not in the model), so they are rebuilt from the copied ones.</summary>
    public static async Task RebuildSearchAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        foreach (var sql in PostgreSqlOccupationSearch.RebuildSql)
        {
            await ExecuteAsync(connection, transaction, sql);
        }
    }

    /// <summary>Reads one table back — from either database — through the model, as the verification does on both sides.</summary>
    public static async Task<TableSummary> SummarizeAsync(TablePlan table, DbConnection connection, DbTransaction? transaction, bool postgres)
    {
        var checksum = new TableChecksum();
        await using var read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)}";
        await using var reader = await read.ExecuteReaderAsync();
        var values = new object?[table.Columns.Count];
        long rows = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = postgres ? table.Columns[i].ReadTarget(reader, i) : table.Columns[i].ReadSource(reader, i);
            }

            checksum.Add(table, values);
            rows++;
        }

        return new TableSummary(rows, checksum.Finish());
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<T> ScalarAsync<T>(DbConnection connection, DbTransaction? transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Tables ordered so each comes after the tables its foreign keys reference (a table referring to itself is one COPY, see above).</summary>
    private static List<ITable> InForeignKeyOrder(IEnumerable<ITable> tables)
    {
        var pending = tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<ITable>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(t => t.ForeignKeyConstraints.All(fk => fk.PrincipalTable.Name == t.Name || placed.Contains(fk.PrincipalTable.Name)))
                ?? throw new InvalidOperationException(
                    $"The tables {string.Join(", ", pending.Select(t => t.Name))} refer to each other in a circle; copy-database can't order them.");
            ordered.Add(ready);
            placed.Add(ready.Name);
            pending.Remove(ready);
        }

        return ordered;
    }
}

/// <summary>A table's row count and checksum, as one side holds it.</summary>
internal sealed record TableSummary(long Rows, string Checksum);

/// <summary>One table to copy: its columns on both sides, its key, and the rows the migrations seed into it.</summary>
internal sealed class TablePlan
{
    private readonly IReadOnlyList<string> _seedKeys;

    public TablePlan(ITable target, ITable source)
    {
        Name = target.Name;
        var sourceColumns = source.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        Columns = [.. target.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new ColumnPlan(
            c,
            sourceColumns.TryGetValue(c.Name, out var s) ? s : throw new InvalidOperationException($"The SQLite model has no column {Name}.{c.Name}.")))];
        var key = target.PrimaryKey?.Columns.Select(c => c.Name).ToList() ?? [.. Columns.Select(c => c.Name)];
        KeyColumns = [.. key.Select(name => Columns.FindIndex(c => c.Name == name))];

        // HasData rows (the three roles): a single-column key is enough to tell them from people's rows.
        var seeds = target.EntityTypeMappings.Select(m => m.TypeBase).OfType<IEntityType>().SelectMany(e => e.GetSeedData()).ToList();
        _seedKeys = seeds.Count > 0 && key.Count == 1
            ? [.. seeds.Select(s => Convert.ToString(s[target.PrimaryKey!.Columns[0].PropertyMappings[0].Property.Name], CultureInfo.InvariantCulture)!)]
            : [];
    }

    public string Name { get; }

    public List<ColumnPlan> Columns { get; }

    /// <summary>Positions in <see cref="Columns"/> of the primary key's columns, which order the rows for the checksum.</summary>
    public IReadOnlyList<int> KeyColumns { get; }

    public bool HasSeedRows => _seedKeys.Count > 0;

    /// <summary>A WHERE clause leaving out the seeded rows (empty when the table has none).</summary>
    public string NotSeedFilter() => _seedKeys.Count == 0
        ? string.Empty
        : $" WHERE {DatabaseCopy.Quote(Columns[KeyColumns[0]].Name)}::text NOT IN ({string.Join(", ", _seedKeys.Select(k => "'" + k.Replace("'", "''", StringComparison.Ordinal) + "'"))})";
}

/// <summary>One column: how EF reads it on SQLite and on PostgreSQL, and how EF writes it on PostgreSQL.</summary>
internal sealed class ColumnPlan
{
    private static readonly MethodInfo GetFieldValue = typeof(DbDataReader).GetMethod(nameof(DbDataReader.GetFieldValue))!;
    private static readonly ConcurrentDictionary<Type, Func<DbDataReader, int, object>> Readers = new();

    private readonly RelationalTypeMapping _source;
    private readonly RelationalTypeMapping _target;
    private readonly Func<DbDataReader, int, object> _readSource;
    private readonly Func<DbDataReader, int, object> _readTarget;
    private readonly string _targetType;
    private readonly bool _utc;

    public ColumnPlan(IColumn target, IColumn source)
    {
        Name = target.Name;
        _source = source.PropertyMappings[0].TypeMapping;
        _target = target.PropertyMappings[0].TypeMapping;
        _readSource = ReaderOf(ProviderType(_source));
        _readTarget = ReaderOf(ProviderType(_target));
        _targetType = _target.StoreTypeNameBase;
        _utc = _targetType.Equals("timestamp with time zone", StringComparison.Ordinal);
    }

    public string Name { get; }

    /// <summary>The model's value, read from SQLite as EF reads it (null for NULL).</summary>
    public object? ReadSource(DbDataReader reader, int ordinal) => Read(reader, ordinal, _readSource, _source);

    /// <summary>The model's value, read from PostgreSQL as EF reads it.</summary>
    public object? ReadTarget(DbDataReader reader, int ordinal) => Read(reader, ordinal, _readTarget, _target);

    /// <summary>Writes a model value into a COPY row as EF would store it on PostgreSQL.</summary>
    public Task WriteTargetAsync(NpgsqlBinaryImporter importer, object? value)
    {
        if (value is null)
        {
            return importer.WriteNullAsync();
        }

        var stored = _target.Converter?.ConvertToProvider(value) ?? value;
        stored = stored switch
        {
            // timestamptz holds an instant: Npgsql takes only UTC ones (EF on PostgreSQL is given those by the app;
            // SQLite hands back the stored offset or an unspecified kind for the same UTC times).
            DateTimeOffset time when _utc && time.Offset != TimeSpan.Zero => time.ToUniversalTime(),
            DateTime time when _utc && time.Kind != DateTimeKind.Utc => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            _ => stored,
        };
        return importer.WriteAsync(stored, _targetType);
    }

    /// <summary>
    /// The value as the checksum sees it, the same from both databases: the converter's stored form for values of the
    /// model's own types (JSON lists), numbers invariant, times as UTC microseconds (PostgreSQL keeps microseconds, so
    /// the 100 ns ticks SQLite's text keeps are not compared).
    /// </summary>
    public string Canonical(object? value)
    {
        var plain = value switch
        {
            null or string or bool or byte or short or int or long or double or float or decimal or DateTimeOffset or DateTime or DateOnly or TimeOnly
                or TimeSpan or Guid or byte[] or Enum => value,
            _ => _source.Converter?.ConvertToProvider(value) ?? value,
        };
        return plain switch
        {
            null => "∅",
            string text => "s" + text.Length.ToString(CultureInfo.InvariantCulture) + ":" + text,
            bool flag => flag ? "b1" : "b0",
            Enum e => "i" + Convert.ToInt64(e, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            double real => "r" + real.ToString("R", CultureInfo.InvariantCulture),
            float real => "r" + ((double)real).ToString("R", CultureInfo.InvariantCulture),
            decimal number => "d" + (number / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture),
            DateTimeOffset time => "t" + (time.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
            DateTime time => "t" + (time.Ticks / 10).ToString(CultureInfo.InvariantCulture),
            DateOnly day => "D" + day.DayNumber.ToString(CultureInfo.InvariantCulture),
            TimeOnly time => "T" + (time.Ticks / 10).ToString(CultureInfo.InvariantCulture),
            TimeSpan span => "T" + (span.Ticks / 10).ToString(CultureInfo.InvariantCulture),
            Guid id => "g" + id.ToString("D"),
            byte[] bytes => "x" + Convert.ToBase64String(bytes),
            IConvertible number => "i" + number.ToString(CultureInfo.InvariantCulture),
            var other => "?" + other,
        };
    }

    private static object? Read(DbDataReader reader, int ordinal, Func<DbDataReader, int, object> read, RelationalTypeMapping mapping)
    {
        if (reader.IsDBNull(ordinal))
        {
            return null;
        }

        var stored = read(reader, ordinal);
        return mapping.Converter is { } converter ? converter.ConvertFromProvider(stored) : stored;
    }

    private static Type ProviderType(RelationalTypeMapping mapping)
    {
        var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
    }

    private static Func<DbDataReader, int, object> ReaderOf(Type type) => Readers.GetOrAdd(type, t =>
    {
        var reader = Expression.Parameter(typeof(DbDataReader));
        var ordinal = Expression.Parameter(typeof(int));
        return Expression.Lambda<Func<DbDataReader, int, object>>(
            Expression.Convert(Expression.Call(reader, GetFieldValue.MakeGenericMethod(t), ordinal), typeof(object)), reader, ordinal).Compile();
    });
}

/// <summary>
/// SHA-256 over a table's rows in primary-key order, each row its columns' canonical values. The rows are sorted here
/// (by their keys' canonical text, ordinally) rather than by ORDER BY, so the two databases' collations can't differ.
/// </summary>
internal sealed class TableChecksum
{
    private readonly List<(string Key, byte[] Row)> _rows = [];
    private readonly StringBuilder _text = new();

    public void Add(TablePlan table, object?[] values)
    {
        _text.Clear();
        foreach (var i in table.KeyColumns)
        {
            _text.Append(table.Columns[i].Canonical(values[i])).Append('\u001f');
        }

        var key = _text.ToString();
        _text.Clear();
        for (var i = 0; i < values.Length; i++)
        {
            _text.Append(table.Columns[i].Canonical(values[i])).Append('\u001e');
        }

        _rows.Add((key, SHA256.HashData(Encoding.UTF8.GetBytes(_text.ToString()))));
    }

    public string Finish()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (_, row) in _rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            hash.AppendData(row);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
