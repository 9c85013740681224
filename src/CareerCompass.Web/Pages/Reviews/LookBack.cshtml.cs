using CareerCompass.Domain.Common;
using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Data;
using CareerCompass.Web.Pages.Reflection;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareerCompass.Web.Pages.Reviews;

/// <summary>Step 1: the reflection at a glance, with a link to update each step, and a note on how things look now.</summary>
public sealed class LookBack(AppDbContext db, IAuthorizationService authorization, PersonClock clock) : WizardFormPage(db, authorization, clock)
{
    public static readonly string TooLong = $"That's a lot for one box — please keep it under {Review.TextLength:N0} characters.";

    [BindProperty]
    public string? Note { get; set; }

    public override ReviewStep CurrentStep => ReviewStep.LookBack;

    /// <summary>Each reflection step with when it was last saved (null: not started).</summary>
    public IReadOnlyList<(ReflectionStepInfo Info, DateTime? UpdatedAtUtc, bool Completed)> Steps { get; private set; } = [];

    public ReflectionSnapshot Reflection { get; private set; } = new(new Dictionary<ReflectionStepKind, ReflectionStep>());

    protected override void FillForm() => Note = Review.LookBackNote;

    protected override void Validate(bool strict)
    {
        if (Note is { Length: > Review.TextLength })
        {
            ModelState.AddModelError(nameof(Note), TooLong);
        }
    }

    protected override void Apply() => Review.SaveLookBack(Note);

    protected override string FieldFor(DomainRuleException rule) => nameof(Note);

    protected override async Task PrepareAsync()
    {
        var steps = await Db.ReflectionSteps.AsNoTracking().Where(s => s.OwnerId == Review.OwnerId).ToDictionaryAsync(s => s.Kind);
        Reflection = new ReflectionSnapshot(steps);
        Steps = ReflectionSteps.All
            .Select(info => steps.TryGetValue(info.Kind, out var step) ? (info, (DateTime?)step.UpdatedAtUtc, step.IsCompleted) : (info, null, false))
            .ToList();
    }
}
