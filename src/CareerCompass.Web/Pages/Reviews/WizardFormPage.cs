using CareerCompass.Domain.Common;
using CareerCompass.Domain.Reviews;
using CareerCompass.Web.Data;
using CareerCompass.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareerCompass.Web.Pages.Reviews;

/// <summary>
/// A wizard step with answers to save, the reflection's way: "Save and continue" and "Back" post the form (no
/// JavaScript needed) and both keep what was typed; the page script autosaves the same form as JSON. A save based
/// on an older copy of the review (another tab saved since) is refused, and what was typed stays on screen.
/// </summary>
public abstract class WizardFormPage(AppDbContext db, IAuthorizationService authorization, PersonClock clock) : ReviewPage(db, authorization, clock)
{
    public const string StaleMessage =
        "This review was saved somewhere else (perhaps in another tab) after you opened this step, so we didn't overwrite it. " +
        "What you typed is still below — copy anything you want to keep, then reload the latest version.";

    /// <summary>Puts the stored answers in the form.</summary>
    protected abstract void FillForm();

    /// <summary>Checks the posted answers; <paramref name="strict"/> (moving on) also asks for what completing needs.</summary>
    protected abstract void Validate(bool strict);

    /// <summary>Writes the posted answers to the review (a broken rule throws <see cref="DomainRuleException"/>).</summary>
    protected abstract void Apply();

    /// <summary>Loads what the step shows beside its form.</summary>
    protected virtual Task PrepareAsync() => Task.CompletedTask;

    /// <summary>The form field a rule of the model is about.</summary>
    protected virtual string FieldFor(DomainRuleException rule) => string.Empty;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id, track: false))
        {
            return NotFound();
        }

        if (Review.IsCompleted)
        {
            return ShowCompleted();
        }

        Version = Review.Version;
        FillForm();
        await PrepareAsync();
        return Page();
    }

    /// <summary>"Save and continue".</summary>
    public Task<IActionResult> OnPostAsync(int id) => SaveAsync(id, ReviewLabels.After(CurrentStep) ?? CurrentStep, strict: true);

    /// <summary>"Back": saves too, so nothing typed is lost without JavaScript.</summary>
    public Task<IActionResult> OnPostBackAsync(int id) => SaveAsync(id, ReviewLabels.Before(CurrentStep) ?? CurrentStep, strict: false);

    /// <summary>Background save from the page script: the same form, JSON back; never moves on.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int id)
    {
        if (!await LoadAsync(id, track: true))
        {
            return NotFound();
        }

        if (Review.IsCompleted)
        {
            return new ConflictObjectResult(new { saved = false, message = CompletedMessage });
        }

        TidyBindingErrors();
        Validate(strict: false);
        if (!ModelState.IsValid)
        {
            return BadRequest(new { saved = false, errors = Errors() });
        }

        if (Version != Review.Version)
        {
            return new ConflictObjectResult(new { saved = false, message = StaleMessage });
        }

        try
        {
            Apply();
            Review.GoTo(CurrentStep);
        }
        catch (DomainRuleException rule)
        {
            ModelState.AddModelError(FieldFor(rule), rule.Message);
            return BadRequest(new { saved = false, errors = Errors() });
        }

        return await SaveReviewAsync()
            ? new JsonResult(new { saved = true, version = Version })
            : new ConflictObjectResult(new { saved = false, message = StaleMessage });
    }

    private async Task<IActionResult> SaveAsync(int id, ReviewStep goTo, bool strict)
    {
        if (!await LoadAsync(id, track: true))
        {
            return NotFound();
        }

        if (Review.IsCompleted)
        {
            return ShowCompleted();
        }

        TidyBindingErrors();
        Validate(strict);
        if (ModelState.IsValid && Version != Review.Version)
        {
            return await StaleAsync();
        }

        if (ModelState.IsValid)
        {
            try
            {
                Apply();
                Review.GoTo(goTo);
            }
            catch (DomainRuleException rule)
            {
                ModelState.AddModelError(FieldFor(rule), rule.Message);
            }
        }

        if (!ModelState.IsValid)
        {
            await PrepareAsync();
            return Page();
        }

        if (!await SaveReviewAsync())
        {
            return await StaleAsync();
        }

        return GoToStep(goTo);
    }

    private async Task<IActionResult> StaleAsync()
    {
        IsStale = true;
        ModelState.AddModelError(string.Empty, StaleMessage);
        await PrepareAsync();
        return Page();
    }

    /// <summary>A value that didn't even bind (a version or id that isn't one) gets words a person can act on.</summary>
    private void TidyBindingErrors()
    {
        foreach (var (key, entry) in ModelState.Where(e => e.Value?.Errors.Count > 0).ToList())
        {
            entry!.Errors.Clear();
            ModelState.AddModelError(key, "This page is out of date. Please reload it and try again — nothing you saved is lost.");
        }
    }

    private IEnumerable<object> Errors() => ModelState
        .Where(e => e.Value?.Errors.Count > 0)
        .SelectMany(e => e.Value!.Errors.Select(x => new { field = e.Key, message = x.ErrorMessage }));
}
