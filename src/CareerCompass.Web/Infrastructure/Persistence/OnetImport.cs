using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CareerCompass.Domain.Occupations;
using CareerCompass.Web.Data;
using CareerCompass.Web.Pages.Reflection.Occupations;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareerCompass.Web.Infrastructure.Persistence;

/// <summary>
/// Loads the O*NET extract shipped in <c>Data/Onet/</c> and the BLS extract in <c>Data/Bls/</c> into the database once per data release: if the marker row
/// says this release is already there, it does nothing. Rows go in through one prepared command per table inside a
/// transaction (about a second for ~90,000 rows); plain ADO.NET, so it works on SQLite and PostgreSQL alike.
/// </summary>
internal static partial class OnetImport
{
    public const string DataSet = "onet";
    public const string Release = "29.3";

    /// <summary>What the marker row records: the O*NET release and the BLS releases that go in with it (OEWS May 2024, EP 2024–34).</summary>
    public const string Version = Release + "+bls-2024";

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Data", "Onet");

    public static string DefaultBlsFolder => Path.Combine(AppContext.BaseDirectory, "Data", "Bls");

    public static async Task ImportIfNeededAsync(AppDbContext db, string folder, ILogger logger, string? blsFolder = null)
    {
        blsFolder ??= DefaultBlsFolder;
        var current = await db.ReferenceData.AsNoTracking().FirstOrDefaultAsync(r => r.Name == DataSet);
        if (current?.Version == Version)
        {
            return;
        }

        var watch = Stopwatch.StartNew();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var transaction = await connection.BeginTransactionAsync();
            if (connection is NpgsqlConnection)
            {
                // Instances starting together import once: the others wait here, then find the release in.
                await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended(@p0, 0))", "import:" + DataSet);
                await using var check = connection.CreateCommand();
                check.Transaction = transaction;
                check.CommandText = "SELECT \"Version\" FROM \"ReferenceData\" WHERE \"Name\" = @p0";
                var name = check.CreateParameter();
                name.ParameterName = "@p0";
                name.Value = DataSet;
                check.Parameters.Add(name);
                if (await check.ExecuteScalarAsync() is string imported && imported == Version)
                {
                    return;
                }
            }

            foreach (var table in new[]
                     {
                         "OccupationTitles", "OccupationSkills", "OccupationTasks", "OccupationEducation", "RelatedOccupations", "OccupationBlsCodes",
                         "BlsWages", "BlsOutlook", "Occupations",
                     })
            {
                await ExecuteAsync(connection, transaction, $"DELETE FROM \"{table}\"");
            }

            var values = ReadWorkValues(Path.Combine(folder, "work_values.csv"));
            var codes = await InsertOccupationsAsync(connection, transaction, Path.Combine(folder, "occupations.csv"), values);
            var skills = await InsertSkillsAsync(connection, transaction, Path.Combine(folder, "skills.csv"), codes);
            var titles = await InsertTitlesAsync(connection, transaction, Path.Combine(folder, "occupations.csv"), Path.Combine(folder, "alternate_titles.csv"), codes);
            var beforeProfiles = watch.ElapsedMilliseconds;
            var profiles = await InsertProfilesAsync(connection, transaction, folder, blsFolder, codes);
            var profileMilliseconds = watch.ElapsedMilliseconds - beforeProfiles;
            // The search indexes are copies of the titles, so they are rebuilt in the same transaction.
            foreach (var sql in db.Database.IsNpgsql() ? PostgreSqlOccupationSearch.RebuildSql : SqliteOccupationSearch.RebuildSql)
            {
                await ExecuteAsync(connection, transaction, sql);
            }

            await ExecuteAsync(connection, transaction, "DELETE FROM \"ReferenceData\" WHERE \"Name\" = @p0", DataSet);
            await ExecuteAsync(connection, transaction, "INSERT INTO \"ReferenceData\" (\"Name\", \"Version\") VALUES (@p0, @p1)", DataSet, Version);
            await transaction.CommitAsync();
            LogImported(logger, Version, codes.Count, skills, titles, profiles, watch.ElapsedMilliseconds, profileMilliseconds);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Dictionary<string, double[]> ReadWorkValues(string path)
    {
        using var csv = Open(path);
        var values = new Dictionary<string, double[]>();
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            values[csv.GetField("code")!] =
            [
                csv.GetField<double>("achievement"), csv.GetField<double>("working_conditions"), csv.GetField<double>("recognition"),
                csv.GetField<double>("relationships"), csv.GetField<double>("support"), csv.GetField<double>("independence"),
            ];
        }

        return values;
    }

    private static async Task<HashSet<string>> InsertOccupationsAsync(DbConnection connection, DbTransaction transaction, string path, Dictionary<string, double[]> values)
    {
        await using var insert = Rows(connection, transaction, "Occupations", "Code", "Title", "Description", "JobZone", "Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional", "Achievement", "WorkingConditions", "Recognition", "Relationships", "Support", "Independence");
        var codes = new HashSet<string>();
        using var csv = Open(path);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var code = csv.GetField("code")!;
            var v = values.GetValueOrDefault(code);
            object?[] row =
            [
                code, csv.GetField("title"), csv.GetField("description"), csv.GetField<int>("job_zone"),
                csv.GetField<double>("realistic"), csv.GetField<double>("investigative"), csv.GetField<double>("artistic"),
                csv.GetField<double>("social"), csv.GetField<double>("enterprising"), csv.GetField<double>("conventional"),
                v?[0], v?[1], v?[2], v?[3], v?[4], v?[5],
            ];
            await insert.WriteAsync(row);
            codes.Add(code);
        }

        await insert.CompleteAsync();
        return codes;
    }

    private static async Task<int> InsertSkillsAsync(DbConnection connection, DbTransaction transaction, string path, HashSet<string> codes)
    {
        await using var insert = Rows(connection, transaction, "OccupationSkills", "Code", "ElementId", "Name", "Importance", "Level");
        var count = 0;
        using var csv = Open(path);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var code = csv.GetField("code")!;
            if (codes.Contains(code))
            {
                await insert.WriteAsync([code, csv.GetField("element_id"), csv.GetField("skill"), csv.GetField<double>("importance"), csv.GetField<double>("level")]);
                count++;
            }
        }

        await insert.CompleteAsync();
        return count;
    }

    private static async Task<int> InsertTitlesAsync(DbConnection connection, DbTransaction transaction, string occupationsPath, string alternatesPath, HashSet<string> codes)
    {
        await using var insert = Rows(connection, transaction, "OccupationTitles", "Code", "Title", "SearchText");
        var seen = new HashSet<(string, string)>();
        var count = 0;

        async Task AddAsync(string code, string? title)
        {
            if (string.IsNullOrWhiteSpace(title) || !codes.Contains(code))
            {
                return;
            }

            var search = OccupationTitle.Normalize(title);
            if (seen.Add((code, search)))
            {
                await insert.WriteAsync([code, title.Trim(), search]);
                count++;
            }
        }

        using (var csv = Open(occupationsPath))
        {
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                await AddAsync(csv.GetField("code")!, csv.GetField("title"));
            }
        }

        using (var csv = Open(alternatesPath))
        {
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                var code = csv.GetField("code")!;
                await AddAsync(code, csv.GetField("alternate_title"));
                await AddAsync(code, csv.GetField("short_title"));
            }
        }

        await insert.CompleteAsync();
        return count;
    }

    private static CsvReader Open(string path) => new(new StreamReader(path), CultureInfo.InvariantCulture);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, params object[] values)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Rows for one table, written the fastest way each database has: on PostgreSQL binary <c>COPY … FROM STDIN</c>;
    /// on SQLite one prepared <c>INSERT</c> run per row inside the import's transaction (SQLite has no bulk path, and a
    /// prepared statement in one transaction is its fast one). Call <see cref="RowWriter.CompleteAsync"/> after the last
    /// row: a writer disposed without it leaves the table as it was (COPY is cancelled; the transaction is not committed).
    /// </summary>
    private static RowWriter Rows(DbConnection connection, DbTransaction transaction, string table, params string[] columns) =>
        connection is NpgsqlConnection postgres
            ? new CopyRows(postgres, table, columns)
            : new InsertRows(connection, transaction, table, columns);

    private abstract class RowWriter : IAsyncDisposable
    {
        public abstract Task WriteAsync(object?[] values);

        public abstract Task CompleteAsync();

        public abstract ValueTask DisposeAsync();
    }

    private sealed class InsertRows : RowWriter
    {
        private readonly DbCommand _command;

        public InsertRows(DbConnection connection, DbTransaction transaction, string table, string[] columns)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < columns.Length; i++)
            {
                var parameter = _command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                _command.Parameters.Add(parameter);
            }

            _command.Prepare();
        }

        public override async Task WriteAsync(object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            await _command.ExecuteNonQueryAsync();
        }

        public override Task CompleteAsync() => Task.CompletedTask;

        public override ValueTask DisposeAsync() => _command.DisposeAsync();
    }

    private sealed class CopyRows(NpgsqlConnection connection, string table, string[] columns) : RowWriter
    {
        private NpgsqlBinaryImporter? _importer;

        public override async Task WriteAsync(object?[] values)
        {
            _importer ??= await connection.BeginBinaryImportAsync(
                $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            await _importer.StartRowAsync();
            foreach (var value in values)
            {
                switch (value)
                {
                    case null:
                        await _importer.WriteNullAsync();
                        break;
                    case string text:
                        await _importer.WriteAsync(text, NpgsqlTypes.NpgsqlDbType.Text);
                        break;
                    case int number:
                        await _importer.WriteAsync(number, NpgsqlTypes.NpgsqlDbType.Integer);
                        break;
                    case double real:
                        await _importer.WriteAsync(real, NpgsqlTypes.NpgsqlDbType.Double);
                        break;
                    case bool flag:
                        await _importer.WriteAsync(flag, NpgsqlTypes.NpgsqlDbType.Boolean);
                        break;
                    default:
                        throw new InvalidOperationException($"No COPY type for a {value.GetType().Name} in {table}.");
                }
            }
        }

        public override async Task CompleteAsync()
        {
            if (_importer is not null)
            {
                await _importer.CompleteAsync();
            }
        }

        public override async ValueTask DisposeAsync()
        {
            if (_importer is not null)
            {
                await _importer.DisposeAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded O*NET and BLS {Release}: {Occupations} occupations, {Skills} skill ratings, {Titles} titles, {ProfileRows} profile rows (tasks, education, related, BLS) in {Milliseconds} ms ({ProfileMilliseconds} ms of it for the profile rows).")]
    private static partial void LogImported(ILogger logger, string release, int occupations, int skills, int titles, int profileRows, long milliseconds, long profileMilliseconds);

    /// <summary>Tasks, education, related occupations (O*NET) and the BLS code map, wages and outlook; returns the rows written.</summary>
    private static async Task<int> InsertProfilesAsync(DbConnection connection, DbTransaction transaction, string folder, string blsFolder, HashSet<string> codes)
    {
        var count = 0;
        static object? Text(CsvReader csv, string name) => csv.GetField(name) is { Length: > 0 } v ? v : null;
        static object? Int(CsvReader csv, string name) => csv.GetField(name) is { Length: > 0 } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        static object? Real(CsvReader csv, string name) => csv.GetField(name) is { Length: > 0 } v ? double.Parse(v, CultureInfo.InvariantCulture) : null;

        async Task EachAsync(string path, string table, string[] columns, Func<CsvReader, object?[]?> row)
        {
            await using var insert = Rows(connection, transaction, table, columns);
            using var csv = Open(path);
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                if (row(csv) is { } values)
                {
                    await insert.WriteAsync(values);
                    count++;
                }
            }

            await insert.CompleteAsync();
        }

        await EachAsync(Path.Combine(folder, "tasks.csv"),
            "OccupationTasks", ["Code", "TaskId", "Position", "Statement", "TaskType"],
            csv => codes.Contains(csv.GetField("code")!)
                ? [csv.GetField("code"), Int(csv, "task_id"), Int(csv, "position"), csv.GetField("task"), Text(csv, "task_type")]
                : null);
        await EachAsync(Path.Combine(folder, "education.csv"),
            "OccupationEducation", ["Code", "Category", "Level", "Percent", "TiedWith", "RecommendSuppress"],
            csv => codes.Contains(csv.GetField("code")!)
                ? [csv.GetField("code"), Int(csv, "rl_category"), csv.GetField("education_level"), Real(csv, "percent"), Int(csv, "tied_with"),
                    csv.GetField("recommend_suppress") switch { "Y" => true, "N" => false, _ => null }]
                : null);
        await EachAsync(Path.Combine(folder, "related_occupations.csv"),
            "RelatedOccupations", ["Code", "Rank", "RelatedCode", "Tier"],
            csv => codes.Contains(csv.GetField("code")!) && codes.Contains(csv.GetField("related_code")!)
                ? [csv.GetField("code"), Int(csv, "index"), csv.GetField("related_code"), csv.GetField("relatedness_tier")]
                : null);
        await EachAsync(Path.Combine(blsFolder, "onet_to_bls.csv"),
            "OccupationBlsCodes", ["Code", "BlsCode", "Match"],
            csv => codes.Contains(csv.GetField("code")!) ? [csv.GetField("code"), csv.GetField("bls_code"), csv.GetField("match")] : null);
        await EachAsync(Path.Combine(blsFolder, "wages.csv"),
            "BlsWages", ["SocCode", "Title", "Employment", "AnnualMedian", "AnnualP10", "AnnualP90", "HourlyMedian", "TopCoded"],
            csv => [csv.GetField("soc_code"), csv.GetField("title"), Int(csv, "employment"), Int(csv, "annual_median"), Int(csv, "annual_p10"),
                Int(csv, "annual_p90"), Real(csv, "hourly_median"), csv.GetField("top_coded") ?? ""]);
        await EachAsync(Path.Combine(blsFolder, "outlook.csv"),
            "BlsOutlook", ["SocCode", "Title", "GrowthPercent", "AnnualOpenings"],
            csv => [csv.GetField("soc_code"), csv.GetField("title"), Real(csv, "growth_percent"), Int(csv, "annual_openings")]);
        return count;
    }
}
