using CareerCompass.Domain.Common;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reviews;

/// <summary>Step 3: goals the person wants to add — in their words, and drafted in the goal editor if they like.</summary>
public sealed class NewGoals(AppDbContext db, IAuthorizationService authorization, PersonClock clock) : WizardFormPage(db, authorization, clock)
{
    [BindProperty]
    public string? Ideas { get; set; }

    public override ReviewStep CurrentStep => ReviewStep.NewGoals;

    /// <summary>Goals written since this review started.</summary>
    public IReadOnlyList<(int Id, string Statement)> Added { get; private set; } = [];

    protected override void FillForm() => Ideas = Review.NewGoalIdeas;

    protected override void Validate(bool strict)
    {
        if (Ideas is { Length: > Review.TextLength })
        {
            ModelState.AddModelError(nameof(Ideas), LookBack.TooLong);
        }
    }

    protected override void Apply() => Review.SaveNewGoalIdeas(Ideas);

    protected override string FieldFor(DomainRuleException rule) => nameof(Ideas);

    protected override async Task PrepareAsync()
    {
        var started = Review.CreatedAtUtc;
        Added = (await Db.Goals.AsNoTracking().Where(g => g.OwnerId == Review.OwnerId && g.CreatedAtUtc >= started)
            .OrderBy(g => g.Id).Select(g => new { g.Id, g.Statement }).ToListAsync()).Select(g => (g.Id, g.Statement)).ToList();
    }
}
