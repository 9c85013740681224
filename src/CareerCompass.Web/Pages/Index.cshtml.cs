using CareerCompass.Domain.Journey;
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
    /// <summary>The reflection has seven steps (issue: guided reflection); until it lands none can be done.</summary>
    private const int ReflectionSteps = 7;

    public IReadOnlyList<JourneyStep> Journey { get; private set; } = [];

    public int FollowUpsDue { get; private set; }

    public async Task OnGetAsync()
    {
        var userId = User.GetUserId();
        if (userId is null)
        {
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        FollowUpsDue = await db.Contacts.CountAsync(c => c.OwnerId == userId && c.NextFollowUpOn != null && c.NextFollowUpOn <= today);
        Journey = JourneyProgress.For(new JourneySnapshot(
            ReflectionStepsDone: 0, ReflectionStepsTotal: ReflectionSteps, Goals: 0, GoalsWithMilestones: 0, ReviewsDone: 0));
    }
}
