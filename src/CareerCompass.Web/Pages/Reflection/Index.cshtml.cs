using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Infrastructure.Sharing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary><c>/Reflection</c>: picks up at the first unfinished step, or shows the summary when all are done.</summary>
public sealed class Index(ReflectionStore store, Subject subject) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        var resume = ReflectionSteps.ResumeAt(await store.CompletedAsync(subject.OwnerId));
        return RedirectToPage(resume?.Page ?? "Summary");
    }
}
