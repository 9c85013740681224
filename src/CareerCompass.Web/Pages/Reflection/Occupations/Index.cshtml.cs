using CareerCompass.Domain.Common;
using CareerCompass.Domain.Occupations;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Infrastructure.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

/// <summary>
/// Explore real occupations: suggestions that fit the person's interest areas, and search by any job title. One
/// click adds an occupation as a career option; a suggestion can be dismissed with a reason and stays dismissed.
/// </summary>
public sealed class Index(OccupationCatalog catalog, ReflectionStore store, Subject subject) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "zone")]
    public int? JobZone { get; set; }

    public IReadOnlyList<OccupationHit> Results { get; private set; } = [];

    public IReadOnlyList<OccupationSuggestion> Suggestions { get; private set; } = [];

    public InterestProfile Profile { get; private set; } = new(new Dictionary<RiasecArea, double>(), []);

    public IReadOnlySet<string> Added { get; private set; } = new HashSet<string>();

    public string? QueryError { get; private set; }

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

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
        if (Profile.IsComplete)
        {
            var exclude = options.Dismissed.Select(d => d.OccupationCode).Concat(Added).ToHashSet();
            Suggestions = await catalog.SuggestAsync(Profile.Scores, JobZone, exclude);
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
