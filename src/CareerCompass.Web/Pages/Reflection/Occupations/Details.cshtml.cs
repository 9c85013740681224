using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Infrastructure.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Pages.Reflection.Occupations;

/// <summary>One occupation: what the work is (description, top tasks), education, pay and outlook, related occupations, interest profile, preparation, top skills and work values.</summary>
public sealed class Details(OccupationCatalog catalog, OccupationProfiles profiles, ReflectionStore store, Subject subject) : PageModel
{
    /// <summary>The search the person came from, kept for the way back.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "zone")]
    public int? JobZone { get; set; }

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    public OccupationDetails Occupation { get; private set; } = null!;

    public bool IsAdded { get; private set; }

    /// <summary>Tasks, education, related occupations, pay and outlook (from memory; null only if the import hasn't run).</summary>
    public OccupationProfiles.Profile? Profile { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (await catalog.FindAsync(code) is not { } occupation)
        {
            return NotFound();
        }

        Occupation = occupation;
        Profile = await profiles.FindAsync(code);
        var options = await store.LoadAsync<OptionsAnswers>(subject.OwnerId, ReflectionStepKind.Options);
        IsAdded = options.Answers.Options.Any(o => o.OccupationCode == code);
        return Page();
    }
}
