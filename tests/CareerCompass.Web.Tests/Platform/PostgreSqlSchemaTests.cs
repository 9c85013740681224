using CareerCompass.Web.Data;
using CareerCompass.Web.Data.PostgreSql;
using CareerCompass.Web.Pages.Reflection.Occupations;
using CareerCompass.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareerCompass.Web.Tests.Platform;

/// <summary>
/// <see cref="SchemaTests"/> for PostgreSQL: its migrations (<c>Data/PostgreSql/Migrations</c>) against the model,
/// on a real server (<see cref="PostgresServer"/>). One database built by applying them, one built straight from the
/// model; any difference in tables, columns, types, nullability, defaults, keys, indexes or foreign keys fails with the
/// difference spelled out.
/// </summary>
public sealed class PostgreSqlSchemaTests
{
    [Fact]
    public async Task Migrations_build_exactly_the_schema_of_the_model()
    {
        var migrated = await PostgresServer.CreateDatabaseAsync("migrated");
        var modelled = await PostgresServer.CreateDatabaseAsync("modelled");
        try
        {
            await using (var db = NewContext(migrated))
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }

            await using (var db = NewContext(modelled))
            {
                await db.Database.EnsureCreatedAsync();
            }

            var fromMigrations = await DescribeAsync(migrated);
            var fromModel = await DescribeAsync(modelled);
            var missing = fromModel.Except(fromMigrations).ToList();
            var extra = fromMigrations.Except(fromModel).ToList();
            Assert.True(
                missing.Count == 0 && extra.Count == 0,
                $"The PostgreSQL migrations and the model differ.\nIn the model but not the migrations:\n  {string.Join("\n  ", missing)}\n" +
                $"In the migrations but not the model:\n  {string.Join("\n  ", extra)}\nWrite a PostgreSQL migration for the change.");
            Assert.Contains(fromModel, line => line.StartsWith("column Contacts.OwnerId ", StringComparison.Ordinal));
            Assert.Contains(fromModel, line => line.StartsWith("column AuthSessions.Ticket type=bytea", StringComparison.Ordinal));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(migrated);
            await PostgresServer.DropDatabaseAsync(modelled);
        }
    }

    [Fact]
    public async Task The_migrations_are_the_PostgreSQL_ones_and_seed_the_three_roles()
    {
        var database = await PostgresServer.CreateDatabaseAsync("roles");
        try
        {
            await using var db = NewContext(database);
            await db.Database.MigrateAsync();

            Assert.All(db.Database.GetMigrations(), id => Assert.DoesNotContain("_Foundation", id, StringComparison.Ordinal));
            Assert.Contains("20261201100000_Baseline", await db.Database.GetAppliedMigrationsAsync());
            Assert.Equal(["Admin", "Client", "Counsellor"], await db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Migrations_build_the_text_search_tables_the_model_leaves_out()
    {
        var database = await PostgresServer.CreateDatabaseAsync("search");
        try
        {
            await using (var db = NewContext(database))
            {
                await db.Database.MigrateAsync();
            }

            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            var tables = (await QueryAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).Select(r => r[0]).ToList();
            Assert.All(PostgreSqlOccupationSearch.Tables, t => Assert.Contains(t, tables));
            var indexes = (await QueryAsync(connection, "SELECT indexdef FROM pg_indexes WHERE tablename IN ('OccupationTitleSearch', 'OccupationWords')")).Select(r => r[0]).ToList();
            Assert.Contains(indexes, i => i.Contains("USING gin (\"Document\")", StringComparison.Ordinal));
            Assert.Contains(indexes, i => i.Contains("gin_trgm_ops", StringComparison.Ordinal));
            Assert.Contains("pg_trgm", (await QueryAsync(connection, "SELECT extname FROM pg_extension")).Select(r => r[0]));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(database);
        }
    }

    private static PostgreSqlDbContext NewContext(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgreSqlDbContext>().UseNpgsql(connectionString).Options);

    private static async Task<SortedSet<string>> DescribeAsync(string connectionString)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        // The search tables are made by a migration in SQL the model can't express (a tsvector column, GIN indexes,
        // pg_trgm); only those are left out here, and checked for by the test below.
        static bool Search(string table) => PostgreSqlOccupationSearch.Tables.Contains(table.Trim('"'));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var row in (await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length, 0), is_nullable, coalesce(column_default, 'none'), coalesce(is_identity, 'NO')
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
            """)).Where(r => !Search(r[0])))
        {
            lines.Add($"table {row[0]}");
            lines.Add($"column {row[0]}.{row[1]} type={row[2]}({row[3]}) nullable={row[4]} default={row[5]} identity={row[6]}");
        }

        foreach (var row in (await QueryAsync(connection, """
            SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')
            """)).Where(r => !Search(r[0])))
        {
            lines.Add($"index {row[0]}.{row[1]}: {row[2]}");
        }

        foreach (var row in (await QueryAsync(connection, """
            SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = 'public' AND c.conrelid::regclass::text NOT IN ('"__EFMigrationsHistory"', '"__EFMigrationsLock"')
            """)).Where(r => !Search(r[0])))
        {
            lines.Add($"constraint {row[0]}.{row[1]}: {row[2]}");
        }

        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToArray());
        }

        return rows;
    }
}
