using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace CareerCompass.Web.Tests.Platform.Upgrades;

/// <summary>
/// Rows as a release of the app left them in its database, written in SQL (not through today's model, which has
/// moved on), and checked value by value after the later migrations ran. A release's data is a list of tables, each
/// with its columns and rows; <see cref="Amend"/> sets a later release's columns on rows an earlier one made. Values
/// are plain .NET values (<see cref="Guid"/>, <see cref="DateTime"/> in UTC, <see cref="DateOnly"/>, enums, …) that
/// <see cref="Stored"/> turns into what each provider holds: on SQLite what EF Core writes (TEXT dates
/// <c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, upper-case GUID text, 0/1), on PostgreSQL the native types.
/// To add a release: a new class beside <see cref="Wave1"/> whose data starts from the one before it
/// (<see cref="With"/>), and the migration it ended at in <c>UpgradeTests</c>.
/// </summary>
public sealed class ReleaseData
{
    private readonly List<TableRows> _tables = [];

    public IReadOnlyList<TableRows> Tables => _tables;

    /// <summary>Rows to insert; the first <paramref name="keyColumns"/> columns identify a row.</summary>
    public TableRows Table(string name, int keyColumns, params string[] columns)
    {
        var table = new TableRows(name, columns, keyColumns, update: false);
        _tables.Add(table);
        return table;
    }

    public TableRows Table(string name, params string[] columns) => Table(name, 1, columns);

    /// <summary>Values for columns a later release added, set on rows already inserted (the first column is the key).</summary>
    public TableRows Amend(string name, params string[] columns)
    {
        var table = new TableRows(name, columns, 1, update: true);
        _tables.Add(table);
        return table;
    }

    /// <summary>This release's data after <paramref name="earlier"/>'s (inserted first, checked too).</summary>
    public ReleaseData With(ReleaseData earlier)
    {
        _tables.InsertRange(0, earlier._tables);
        return this;
    }

    public int RowsOf(string table) => _tables.Where(t => t.Name == table && !t.IsUpdate).Sum(t => t.Rows.Count);

    public IEnumerable<object?[]> Rows(string table) => _tables.Where(t => t.Name == table && !t.IsUpdate).SelectMany(t => t.Rows);

    /// <summary>Inserts every row (in the order given, so parents come first), then the amendments, in one transaction.</summary>
    public async Task FillAsync(DbConnection connection, bool postgreSql)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var table in _tables)
        {
            foreach (var row in table.Rows)
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = table.IsUpdate
                    ? $"UPDATE {Quote(table.Name)} SET {string.Join(", ", table.Columns.Skip(1).Select((c, i) => $"{Quote(c)} = @p{i + 1}"))} WHERE {Quote(table.Columns[0])} = @p0"
                    : $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", table.Columns.Select(Quote))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"@p{i}"))})";
                for (var i = 0; i < row.Length; i++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = $"p{i}";
                    parameter.Value = Stored(row[i], postgreSql) ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }

                var changed = await command.ExecuteNonQueryAsync();
                if (changed != 1)
                {
                    throw new InvalidOperationException($"{table.Name}: {(table.IsUpdate ? "amended" : "inserted")} {changed} rows for key {Show(row[0])}.");
                }
            }
        }

        if (postgreSql)
        {
            // Rows inserted with their ids leave an identity's sequence behind; a database the app filled has it past them.
            foreach (var table in _tables.Where(t => !t.IsUpdate && t.KeyColumns == 1 && t.Columns[0] == "Id" && t.Rows.Count > 0 && t.Rows[0][0] is int or long).Select(t => t.Name).Distinct())
            {
                await using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"SELECT setval(pg_get_serial_sequence('{Quote(table)}', 'Id'), (SELECT max(\"Id\") FROM {Quote(table)}))";
                await command.ExecuteScalarAsync();
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>
    /// Every row and value this data put in, read back: a row missing, a row more (in a table this data fills), or any
    /// value changed is one line of the answer. Empty when nothing was lost.
    /// </summary>
    public async Task<List<string>> DifferencesAsync(DbConnection connection, bool postgreSql)
    {
        var differences = new List<string>();

        // A later release's amendment of a column an earlier one inserted is what the row should hold now.
        var amended = new Dictionary<(string Table, string Key, string Column), object?>();
        foreach (var table in _tables.Where(t => t.IsUpdate))
        {
            foreach (var row in table.Rows)
            {
                for (var i = 1; i < table.Columns.Length; i++)
                {
                    amended[(table.Name, Show(Stored(row[0], postgreSql)), table.Columns[i])] = Stored(row[i], postgreSql);
                }
            }
        }

        var keysOf = new Dictionary<string, (HashSet<string> Expected, HashSet<string> Actual)>(StringComparer.Ordinal);
        foreach (var table in _tables)
        {
            var actual = await ReadAsync(connection, table, postgreSql);
            foreach (var row in table.Rows)
            {
                var key = KeyOf(table, row.Select(v => Stored(v, postgreSql)).ToArray());
                if (!actual.TryGetValue(key, out var found))
                {
                    differences.Add($"{table.Name} {key}: the row is gone");
                    continue;
                }

                for (var i = table.KeyColumns; i < table.Columns.Length; i++)
                {
                    var expected = !table.IsUpdate && amended.TryGetValue((table.Name, key, table.Columns[i]), out var later) ? later : Stored(row[i], postgreSql);
                    if (!Same(expected, found[i]))
                    {
                        differences.Add($"{table.Name} {key}: {table.Columns[i]} was {Show(expected)}, is {Show(found[i])}");
                    }
                }
            }

            if (!table.IsUpdate)
            {
                if (!keysOf.TryGetValue(table.Name, out var keys))
                {
                    keys = ([], [.. actual.Keys]);
                    keysOf[table.Name] = keys;
                }

                keys.Expected.UnionWith(table.Rows.Select(r => KeyOf(table, r.Select(v => Stored(v, postgreSql)).ToArray())));
            }
        }

        foreach (var (table, keys) in keysOf)
        {
            differences.AddRange(keys.Actual.Where(k => !keys.Expected.Contains(k)).Order(StringComparer.Ordinal).Select(k => $"{table} {k}: a row more than was there"));
        }

        return differences;
    }

    private static async Task<Dictionary<string, object?[]>> ReadAsync(DbConnection connection, TableRows table, bool postgreSql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", table.Columns.Select(Quote))} FROM {Quote(table.Name)}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var values = new object?[table.Columns.Length];
            for (var i = 0; i < values.Length; i++)
            {
                // Read as the type the first row stored in this column (a later null is null whatever the type).
                var like = table.Rows.Select(r => Stored(r[i], postgreSql)).FirstOrDefault(v => v is not null);
                values[i] = reader.IsDBNull(i) ? null : like switch
                {
                    DateOnly => reader.GetFieldValue<DateOnly>(i),
                    DateTime => reader.GetFieldValue<DateTime>(i),
                    DateTimeOffset => reader.GetFieldValue<DateTimeOffset>(i),
                    Guid => reader.GetFieldValue<Guid>(i),
                    string[] => reader.GetFieldValue<string[]>(i),
                    byte[] => reader.GetFieldValue<byte[]>(i),
                    _ => reader.GetValue(i),
                };
            }

            rows[KeyOf(table, values)] = values;
        }

        return rows;
    }

    private static string KeyOf(TableRows table, object?[] stored) =>
        string.Join("|", stored.Take(table.KeyColumns).Select(Show));

    private static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (byte[] a, byte[] b) => a.SequenceEqual(b),
        (string[] a, string[] b) => a.SequenceEqual(b, StringComparer.Ordinal),
        (long or int or short, long or int or short) => Convert.ToInt64(expected, CultureInfo.InvariantCulture) == Convert.ToInt64(actual, CultureInfo.InvariantCulture),
        (DateTime a, DateTime b) => a.Ticks == b.Ticks,
        _ => Equals(expected, actual),
    };

    /// <summary>A value as this provider stores it: what EF Core writes on SQLite, the native type on PostgreSQL.</summary>
    public static object? Stored(object? value, bool postgreSql) => value switch
    {
        null => null,
        Enum e => Stored(Convert.ToInt32(e, CultureInfo.InvariantCulture), postgreSql),
        bool b => postgreSql ? b : b ? 1L : 0L,
        int n => postgreSql ? n : (long)n,
        long n => n,
        double d => d,
        string s => s,
        byte[] bytes => bytes,
        Guid g => postgreSql ? g : g.ToString().ToUpperInvariant(),
        DateTime t when t.Kind != DateTimeKind.Utc => throw new ArgumentException($"{t:O}: release data keeps UTC times (DateTimeKind.Utc)."),
        DateTime t => postgreSql ? t : t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset t => postgreSql ? t.ToUniversalTime() : t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => postgreSql ? d : d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        StringList list => postgreSql ? list.Items : JsonSerializer.Serialize(list.Items),
        _ => throw new ArgumentException($"No stored form for {value.GetType().Name}."),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => s.Length > 60 ? $"\"{s[..57]}…\" ({s.Length} chars)" : $"\"{s}\"",
        byte[] b => Convert.ToHexString(b),
        string[] a => "[" + string.Join(", ", a) + "]",
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Quote(string name) => $"\"{name}\"";
}

/// <summary>One table's rows in a release's data (or, <see cref="IsUpdate"/>, later columns set on earlier rows).</summary>
public sealed class TableRows(string name, string[] columns, int keyColumns, bool update)
{
    private readonly List<object?[]> _rows = [];

    public string Name => name;

    public string[] Columns => columns;

    public int KeyColumns => keyColumns;

    public bool IsUpdate => update;

    public IReadOnlyList<object?[]> Rows => _rows;

    public TableRows Row(params object?[] values)
    {
        if (values.Length != columns.Length)
        {
            throw new ArgumentException($"{name}: {values.Length} values for {columns.Length} columns ({string.Join(", ", columns)}).");
        }

        _rows.Add(values);
        return this;
    }
}

/// <summary>A list of strings in one column: JSON text on SQLite (EF's primitive collection), <c>text[]</c> on PostgreSQL.</summary>
public sealed record StringList(params string[] Items);
