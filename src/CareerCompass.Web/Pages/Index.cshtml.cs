using CareerCompass.Domain.Journey;
using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages;

/// <summary>A visitor sees what CareerCompass does; a signed-in person sees their dashboard.</summary>
[AllowAnonymous]
public sealed class Index(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<JourneyStep> Journey { get; private set; } = [];

    public int FollowUpsDue { get; private set; }

    public int ReflectionStepsDone { get; private set; }

    public async Task OnGetAsync()
    {
        var userId = User.GetUserId();
        if (userId is null)
        {
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        FollowUpsDue = await db.Contacts.CountAsync(c => c.OwnerId == userId && c.NextFollowUpOn != null && c.NextFollowUpOn <= today);
        ReflectionStepsDone = await db.ReflectionSteps.CountAsync(s => s.OwnerId == userId && s.CompletedAtUtc != null);
        Journey = JourneyProgress.For(new JourneySnapshot(
            ReflectionStepsDone: ReflectionStepsDone, ReflectionStepsTotal: ReflectionSteps.Count, Goals: 0, GoalsWithMilestones: 0, ReviewsDone: 0));
    }
}
