using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CareerCompass.Domain.Occupations;
using CareerCompass.Web.Data;
using CareerCompass.Web.Pages.Reflection.Occupations;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

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
            if (db.Database.IsSqlite())
            {
                // The search indexes are copies of the titles, so they are rebuilt in the same transaction.
                foreach (var sql in SqliteOccupationSearch.RebuildSql)
                {
                    await ExecuteAsync(connection, transaction, sql);
                }
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
        await using var insert = Command(connection, transaction,
            "INSERT INTO \"Occupations\" (\"Code\", \"Title\", \"Description\", \"JobZone\", \"Realistic\", \"Investigative\", \"Artistic\", \"Social\", " +
            "\"Enterprising\", \"Conventional\", \"Achievement\", \"WorkingConditions\", \"Recognition\", \"Relationships\", \"Support\", \"Independence\") " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12, @p13, @p14, @p15)", 16);
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
            await RunAsync(insert, row);
            codes.Add(code);
        }

        return codes;
    }

    private static async Task<int> InsertSkillsAsync(DbConnection connection, DbTransaction transaction, string path, HashSet<string> codes)
    {
        await using var insert = Command(connection, transaction,
            "INSERT INTO \"OccupationSkills\" (\"Code\", \"ElementId\", \"Name\", \"Importance\", \"Level\") VALUES (@p0, @p1, @p2, @p3, @p4)", 5);
        var count = 0;
        using var csv = Open(path);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var code = csv.GetField("code")!;
            if (codes.Contains(code))
            {
                await RunAsync(insert, [code, csv.GetField("element_id"), csv.GetField("skill"), csv.GetField<double>("importance"), csv.GetField<double>("level")]);
                count++;
            }
        }

        return count;
    }

    private static async Task<int> InsertTitlesAsync(DbConnection connection, DbTransaction transaction, string occupationsPath, string alternatesPath, HashSet<string> codes)
    {
        await using var insert = Command(connection, transaction, "INSERT INTO \"OccupationTitles\" (\"Code\", \"Title\", \"SearchText\") VALUES (@p0, @p1, @p2)", 3);
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
                await RunAsync(insert, [code, title.Trim(), search]);
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

        return count;
    }

    private static CsvReader Open(string path) => new(new StreamReader(path), CultureInfo.InvariantCulture);

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static async Task RunAsync(DbCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, params object[] values)
    {
        await using var command = Command(connection, transaction, sql, values.Length);
        await RunAsync(command, values);
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

        async Task EachAsync(string path, string sql, int parameters, Func<CsvReader, object?[]?> row)
        {
            await using var insert = Command(connection, transaction, sql, parameters);
            using var csv = Open(path);
            csv.Read();
            csv.ReadHeader();
            while (csv.Read())
            {
                if (row(csv) is { } values)
                {
                    await RunAsync(insert, values);
                    count++;
                }
            }
        }

        await EachAsync(Path.Combine(folder, "tasks.csv"),
            "INSERT INTO \"OccupationTasks\" (\"Code\", \"TaskId\", \"Position\", \"Statement\", \"TaskType\") VALUES (@p0, @p1, @p2, @p3, @p4)", 5,
            csv => codes.Contains(csv.GetField("code")!)
                ? [csv.GetField("code"), Int(csv, "task_id"), Int(csv, "position"), csv.GetField("task"), Text(csv, "task_type")]
                : null);
        await EachAsync(Path.Combine(folder, "education.csv"),
            "INSERT INTO \"OccupationEducation\" (\"Code\", \"Category\", \"Level\", \"Percent\", \"TiedWith\", \"RecommendSuppress\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", 6,
            csv => codes.Contains(csv.GetField("code")!)
                ? [csv.GetField("code"), Int(csv, "rl_category"), csv.GetField("education_level"), Real(csv, "percent"), Int(csv, "tied_with"),
                    csv.GetField("recommend_suppress") switch { "Y" => true, "N" => false, _ => null }]
                : null);
        await EachAsync(Path.Combine(folder, "related_occupations.csv"),
            "INSERT INTO \"RelatedOccupations\" (\"Code\", \"Rank\", \"RelatedCode\", \"Tier\") VALUES (@p0, @p1, @p2, @p3)", 4,
            csv => codes.Contains(csv.GetField("code")!) && codes.Contains(csv.GetField("related_code")!)
                ? [csv.GetField("code"), Int(csv, "index"), csv.GetField("related_code"), csv.GetField("relatedness_tier")]
                : null);
        await EachAsync(Path.Combine(blsFolder, "onet_to_bls.csv"),
            "INSERT INTO \"OccupationBlsCodes\" (\"Code\", \"BlsCode\", \"Match\") VALUES (@p0, @p1, @p2)", 3,
            csv => codes.Contains(csv.GetField("code")!) ? [csv.GetField("code"), csv.GetField("bls_code"), csv.GetField("match")] : null);
        await EachAsync(Path.Combine(blsFolder, "wages.csv"),
            "INSERT INTO \"BlsWages\" (\"SocCode\", \"Title\", \"Employment\", \"AnnualMedian\", \"AnnualP10\", \"AnnualP90\", \"HourlyMedian\", \"TopCoded\") " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)", 8,
            csv => [csv.GetField("soc_code"), csv.GetField("title"), Int(csv, "employment"), Int(csv, "annual_median"), Int(csv, "annual_p10"),
                Int(csv, "annual_p90"), Real(csv, "hourly_median"), csv.GetField("top_coded") ?? ""]);
        await EachAsync(Path.Combine(blsFolder, "outlook.csv"),
            "INSERT INTO \"BlsOutlook\" (\"SocCode\", \"Title\", \"GrowthPercent\", \"AnnualOpenings\") VALUES (@p0, @p1, @p2, @p3)", 4,
            csv => [csv.GetField("soc_code"), csv.GetField("title"), Real(csv, "growth_percent"), Int(csv, "annual_openings")]);
        return count;
    }
}
