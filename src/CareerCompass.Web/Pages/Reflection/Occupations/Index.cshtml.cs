using System.Globalization;
using CareerCompass.Domain.Common;
using CareerCompass.Domain.Occupations;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Infrastructure.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

/// <summary>
/// Explore real occupations: suggestions that fit the whole person (interests, ranked values, the preparation they'd
/// take on, the options they named), each saying why, and search by any job title. One click adds an occupation as
/// a career option; a suggestion can be dismissed with a reason and stays dismissed.
/// </summary>
public sealed class Index(OccupationCatalog catalog, ReflectionStore store, Subject subject) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "zone")]
    public int? JobZone { get; set; }

    public IReadOnlyList<OccupationHit> Results { get; private set; } = [];

    public IReadOnlyList<Suggestion> Suggestions { get; private set; } = [];

    /// <summary>The preparation answers, for the form (and the highest job zone they reach).</summary>
    public OptionsAnswers Preparation { get; private set; } = new();

    public InterestProfile Profile { get; private set; } = new(new Dictionary<RiasecArea, double>(), []);

    public IReadOnlySet<string> Added { get; private set; } = new HashSet<string>();

    public string? QueryError { get; private set; }

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    /// <summary>
    /// An occupation's page, carrying this search so "back to exploring" returns to it. Written out (the address is a
    /// stable one) rather than built by the anchor tag helper through routing for each of up to thirty links.
    /// </summary>
    public string DetailsHref(string code) => QueryHelpers.AddQueryString(
        "/Reflection/Occupations/" + Uri.EscapeDataString(code),
        new KeyValuePair<string, string?>[] { new("q", string.IsNullOrEmpty(Query) ? null : Query), new("zone", JobZone?.ToString(CultureInfo.InvariantCulture)) });

    public async Task OnGetAsync()
    {
        var userId = subject.OwnerId;
        if (JobZone is not (null or (>= 1 and <= 5)))
        {
            JobZone = null;
        }

        var reflection = await store.SnapshotAsync(userId);
        var options = reflection.Answers<OptionsAnswers>(ReflectionStepKind.Options);
        Profile = reflection.Answers<InterestsAnswers>(ReflectionStepKind.Interests).Profile();
        Added = options.Options.Where(o => o.OccupationCode is not null).Select(o => o.OccupationCode!).ToHashSet();
        Preparation = options;
        if (Profile.IsComplete)
        {
            Suggestions = await catalog.SuggestAsync(new SuggestionRequest
            {
                Interests = Profile.Scores,
                Values = reflection.Answers<ValuesAnswers>(ReflectionStepKind.Values).Chosen,
                HighestZone = options.HighestJobZone,
                Options = options.Options,
                Dismissed = options.Dismissed.Select(d => d.OccupationCode).ToList(),
                OnlyZone = JobZone,
            });
        }

        if (Query is { Length: > OccupationCatalog.MaxQueryLength })
        {
            QueryError = $"Please search with fewer than {OccupationCatalog.MaxQueryLength} characters — a job title or a word or two works best.";
        }
        else if (!string.IsNullOrWhiteSpace(Query))
        {
            Results = await catalog.SearchAsync(Query, JobZone);
        }
    }

    /// <summary>Adds the occupation and goes back where the person was: this page, or the occupation's own (<c>from=details</c>).</summary>
    public async Task<IActionResult> OnPostAddAsync([FromQuery] string code, [FromQuery] string? from)
    {
        if (await catalog.TitleOfAsync(code ?? string.Empty) is not { } title)
        {
            return NotFound();
        }

        try
        {
            var (saved, _) = await store.UpdateAsync<OptionsAnswers>(subject.OwnerId, ReflectionStepKind.Options, options => options.WithOccupation(title, code!));
            StatusMessage = saved
                ? $"Added {title} to your career options. You can note how it fits in step 7."
                : $"We couldn't add {title} just now — a lot was changing at once. Nothing was lost; please try again.";
        }
        catch (DomainRuleException rule)
        {
            StatusMessage = rule.Message;
        }

        return from == "details"
            ? RedirectToPage("Details", new { code, q = Query, zone = JobZone })
            : RedirectToPage(new { q = Query, zone = JobZone });
    }

    /// <summary>Saves how much more training or study the person would take on (and what they have now) for suggestions.</summary>
    public async Task<IActionResult> OnPostPreparationAsync(string? moreStudy, string? studyNow)
    {
        if (!subject.CanChange)
        {
            return NotFound();
        }

        if (!TryChoice(moreStudy, out PreparationWilling willing) || !TryChoice(studyNow, out PreparationHave have))
        {
            StatusMessage = "We didn't recognise that choice, so nothing changed. Please pick one from each list and save again.";
            return RedirectToPage(new { q = Query, zone = JobZone });
        }

        var (saved, _) = await store.UpdateAsync<OptionsAnswers>(subject.OwnerId, ReflectionStepKind.Options, options => options with { MoreStudy = willing, StudyNow = have });
        StatusMessage = saved
            ? "Thanks, your suggestions now take that into account. You can change it at any time."
            : "We couldn't save that just now — a lot was changing at once. Please try again.";
        return RedirectToPage(new { q = Query, zone = JobZone });
    }

    private static bool TryChoice<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text ?? string.Empty, ignoreCase: false, out value) && Enum.IsDefined(value) && !int.TryParse(text, out _);

    public async Task<IActionResult> OnPostDismissAsync([FromQuery] string code, string? reason)
    {
        if (await catalog.TitleOfAsync(code ?? string.Empty) is not { } title)
        {
            return NotFound();
        }

        var why = reason is { Length: > ReflectionLimits.ItemText } ? reason[..ReflectionLimits.ItemText] : reason;
        var (saved, _) = await store.UpdateAsync<OptionsAnswers>(subject.OwnerId, ReflectionStepKind.Options, options =>
            options with { Dismissed = [.. options.Dismissed.Where(d => d.OccupationCode != code), new DismissedSuggestion { OccupationCode = code!, Reason = why }] });
        StatusMessage = saved
            ? $"We won't suggest {title} again."
            : $"We couldn't note that just now — a lot was changing at once. Please try again.";
        return RedirectToPage(new { q = Query, zone = JobZone });
    }
}
