using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Sharing;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Contacts;

/// <summary>The person's own network: mentors, contacts and when to follow up.</summary>
public sealed class Index(AppDbContext db, PersonClock clock, Subject subject) : PageModel
{
    public IReadOnlyList<Row> Contacts { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    public async Task OnGetAsync()
    {
        var userId = subject.OwnerId;
        Today = clock.Today;
        Contacts = await db.Contacts
            .Where(c => c.OwnerId == userId)
            .OrderBy(c => c.NextFollowUpOn == null)
            .ThenBy(c => c.NextFollowUpOn)
            .ThenBy(c => c.Name)
            .Select(c => new Row(c.Id, c.Name, c.Role, c.LastContactOn, c.NextFollowUpOn))
            .AsNoTracking()
            .ToListAsync();
    }

    public sealed record Row(int Id, string Name, string? Role, DateOnly? LastContactOn, DateOnly? NextFollowUpOn);
}
