using System.Diagnostics;
using System.Globalization;
using CareerCompass.Domain.Occupations;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Persistence;
using CareerCompass.Web.Pages.Reflection.Occupations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CareerCompass.Bench;

/// <summary>
/// The suggestion ranker (<see cref="Suggestions.Rank"/>) over all 923 O*NET occupations, for a few people: per
/// profile the median, 95th percentile and slowest of N rankings, the top three and the spread over SOC minor
/// groups; then the explore page's whole suggestion step (the in-memory <see cref="OccupationCatalog.SuggestAsync"/>,
/// fresh scope each time) for the first profile. The data comes from a SQLite file built by the real migrations and
/// import, read once into <see cref="OccupationReference"/> as the app does.
/// </summary>
internal static class SuggestBenchmark
{
    private static Dictionary<RiasecArea, double> Person(double r, double i, double a, double s, double e, double c) => new()
    {
        [RiasecArea.Realistic] = r, [RiasecArea.Investigative] = i, [RiasecArea.Artistic] = a,
        [RiasecArea.Social] = s, [RiasecArea.Enterprising] = e, [RiasecArea.Conventional] = c,
    };

    private static List<ChosenValue> Values(params string[] keys) => keys.Select(k => new ChosenValue { Id = Guid.NewGuid(), Key = k }).ToList();

    private static readonly (string Name, SuggestionRequest Request)[] Profiles =
    [
        ("caring (SIA), helping + autonomy", new SuggestionRequest { Interests = Person(1, 4, 3, 5, 1, 1), Values = Values("helping-others", "autonomy") }),
        ("interests only (RIC)", new SuggestionRequest { Interests = Person(5, 4, 1, 1, 2, 3) }),
        ("hands-on (RCE), stability first, up to a course", new SuggestionRequest
        {
            Interests = Person(5, 2, 1, 2, 3, 4), Values = Values("stability", "financial-security", "teamwork", "variety", "achievement"),
            HighestZone = Preparation.HighestZone(PreparationHave.School, PreparationWilling.Course),
        }),
        ("enterprising (ECS), two named options, five values", new SuggestionRequest
        {
            Interests = Person(1, 2, 2, 3, 5, 4), Values = Values("leadership", "recognition", "financial-security", "autonomy", "challenge"),
            Options = [new CareerOption { Title = "Sales Managers", OccupationCode = "11-2022.00" }, new CareerOption { Title = "Registered Nurses", OccupationCode = "29-1141.00" }],
            HighestZone = 4,
        }),
        ("creative (AIS), custom values, zone 3 only", new SuggestionRequest
        {
            Interests = Person(2, 4, 5, 3, 2, 1), Values = [new ChosenValue { Custom = "Being outdoors" }, .. Values("creativity", "flexibility")], OnlyZone = 3,
        }),
    ];

    public static async Task RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        await using var database = await ReferenceDatabase.CreateAsync(s => s
            .AddSingleton<OccupationReference>()
            .AddScoped<IOccupationSearch, SqliteOccupationSearch>()
            .AddScoped<OccupationCatalog>());
        var services = database.Services;
        var load = Stopwatch.StartNew();
        var reference = await services.GetRequiredService<OccupationReference>().GetAsync();
        Console.WriteLine($"reference data read once: {load.ElapsedMilliseconds} ms, {reference.Candidates.Count} occupations, {reference.Candidates.Count(c => c.WorkValues is null)} without work values, {reference.Candidates.Sum(c => c.Related.Count)} related links");
        Console.WriteLine($"Suggestions.Rank over all occupations, {runs} runs each after 50 warm-ups (ms): profile | p50 | p95 | max | groups in top ten (largest) | top three");
        foreach (var (name, request) in Profiles)
        {
            var times = Time(runs, () => Suggestions.Rank(request, reference.Candidates));
            var top = Suggestions.Rank(request, reference.Candidates);
            var groups = top.GroupBy(s => s.Occupation.MinorGroup).ToList();
            Console.WriteLine(FormattableString.Invariant(
                $"{name,-52} | {times[runs / 2],5:0.000} | {times[(int)(runs * 0.95) - 1],5:0.000} | {times[^1],6:0.000} | {groups.Count,2} ({groups.Max(g => g.Count())}) | {string.Join("; ", top.Take(3).Select(s => s.Occupation.Title))}"));
            Console.WriteLine($"      why (first): {top[0].Why}");
        }

        var page = new List<double>(runs);
        for (var i = 0; i < runs + 50; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OccupationCatalog>().SuggestAsync(Profiles[0].Request);
            if (i >= 50)
            {
                page.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        page.Sort();
        Console.WriteLine(FormattableString.Invariant(
            $"explore page's suggestion step (scope + OccupationCatalog.SuggestAsync, first profile), {runs} runs: p50 {page[runs / 2]:0.000} | p95 {page[(int)(runs * 0.95) - 1]:0.000} | max {page[^1]:0.000} ms"));
    }

    private static List<double> Time(int runs, Func<IReadOnlyList<Suggestion>> rank)
    {
        for (var i = 0; i < 50; i++)
        {
            rank();
        }

        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            rank();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times;
    }
}
