using CareerCompass.Web.Data;
using CareerCompass.Web.Pages.Reflection.Occupations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>
/// The migrations are written by hand, so this is what keeps them honest: one database built by applying them,
/// one built straight from the model, and any difference in tables, columns, types, nullability, keys, indexes
/// or foreign keys fails with the difference spelled out.
/// </summary>
public sealed class SchemaTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "careercompass-schema", Guid.NewGuid().ToString("N"));

    public SchemaTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public void Migrations_build_exactly_the_schema_of_the_model()
    {
        var migrated = Describe(Path.Combine(_folder, "migrated.db"), db => db.Database.Migrate());
        var modelled = Describe(Path.Combine(_folder, "modelled.db"), db => db.Database.EnsureCreated());

        var missing = modelled.Except(migrated).ToList();
        var extra = migrated.Except(modelled).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"The migrations and the model differ.\nIn the model but not the migrations:\n  {string.Join("\n  ", missing)}\n" +
            $"In the migrations but not the model:\n  {string.Join("\n  ", extra)}\nWrite a migration for the change.");
        Assert.Contains(modelled, line => line.StartsWith("table Contacts", StringComparison.Ordinal));
    }

    [Fact]
    public void Migrations_build_the_full_text_search_tables_the_model_leaves_out()
    {
        var path = Path.Combine(_folder, "search.db");
        using (var db = NewContext(path))
        {
            db.Database.Migrate();
        }

        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        var virtualTables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
            .Select(r => (string)r[0]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(SqliteOccupationSearch.Tables.Order(StringComparer.Ordinal), virtualTables);
    }

    [Fact]
    public void Migrations_seed_the_three_roles()
    {
        var path = Path.Combine(_folder, "roles.db");
        using var db = NewContext(path);
        db.Database.Migrate();
        Assert.Equal(["Admin", "Client", "Counsellor"], db.Roles.Select(r => r.Name!).OrderBy(n => n).ToList());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static AppDbContext NewContext(string path) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={path}").Options);

    private static SortedSet<string> Describe(string path, Action<AppDbContext> build)
    {
        using (var db = NewContext(path))
        {
            build(db);
        }

        var lines = new SortedSet<string>(StringComparer.Ordinal);
        using var connection = new SqliteConnection($"Data Source={path}");
        connection.Open();
        var tables = Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')")
            .Select(r => (string)r[0]!).Where(t => !IsSearchIndex(t)).ToList();
        foreach (var table in tables)
        {
            lines.Add($"table {table}");
            foreach (var c in Query(connection, $"PRAGMA table_info(\"{table}\")"))
            {
                lines.Add($"column {table}.{c[1]} type={c[2]} notnull={c[3]} default={c[4] ?? "none"} pk={c[5]}");
            }

            foreach (var i in Query(connection, $"PRAGMA index_list(\"{table}\")"))
            {
                var columns = Query(connection, $"PRAGMA index_info(\"{i[1]}\")").Select(r => (string)r[2]!);
                lines.Add($"index {table}.{i[1]} unique={i[2]} origin={i[3]} columns={string.Join(',', columns)}");
            }

            foreach (var f in Query(connection, $"PRAGMA foreign_key_list(\"{table}\")"))
            {
                lines.Add($"foreign key {table}.{f[3]} -> {f[2]}.{f[4]} on delete {f[6]} on update {f[5]}");
            }
        }

        return lines;
    }

    /// <summary>
    /// The FTS5 search tables (and the shadow tables SQLite keeps for each, <c>{table}_data</c>, <c>_idx</c>, …)
    /// are made by a migration in SQL the model can't express; they are named in one list in the app, and only
    /// those are left out of the comparison — checked for in the migrated database by the test below.
    /// </summary>
    private static bool IsSearchIndex(string table) =>
        SqliteOccupationSearch.Tables.Any(t => table == t || table.StartsWith(t + "_", StringComparison.Ordinal));

    private static List<object?[]> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
