using System.Security.Claims;
using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Authorization;
using CareerCompass.Web.Infrastructure.Sharing;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>
/// What every reflection step page does the same way: load the person's own answers, "Save and continue" without
/// JavaScript, "Save" to stay (adding rows), a JSON autosave for the script, and a refusal — keeping what was
/// typed on screen — when the step was saved elsewhere since it was loaded. Each page adds its own fields,
/// validator and wording.
/// </summary>
public abstract class StepPage<TAnswers>(ReflectionStore store, IValidator<TAnswers> validator, StepAccess access) : PageModel
    where TAnswers : class, IStepAnswers, new()
{
    public const string StaleMessage =
        "This step was saved somewhere else (perhaps in another tab) after you opened it, so we didn't overwrite it. " +
        "What you typed is still below — copy anything you want to keep, then reload the latest version.";

    [BindProperty]
    public TAnswers Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public bool IsStale { get; private set; }

    public bool Completed { get; private set; }

    public ReflectionStepInfo Step => ReflectionSteps.Of(Kind);

    [TempData(Key = StatusMessages.Key)]
    public string? StatusMessage { get; set; }

    protected abstract ReflectionStepKind Kind { get; }

    /// <summary>Gets the form ready to show: blank rows for new items (lists grow without JavaScript) and the like.</summary>
    protected virtual void PrepareForm()
    {
    }

    /// <summary>Turns what the form posted into answers (most steps bind them directly).</summary>
    protected virtual TAnswers FromForm() => Input;

    public async Task OnGetAsync()
    {
        var state = await store.LoadAsync<TAnswers>(access.Subject.OwnerId, Kind);
        (Input, Version, Completed) = (state.Answers, state.Version, state.Completed);
        PrepareForm();
    }

    /// <summary>"Save and continue": marks the step done and moves on to the next (or the summary).</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        var result = await SaveAsync(complete: true);
        if (result is not null)
        {
            return result;
        }

        var next = ReflectionSteps.After(Kind);
        return next is null ? RedirectToPage("Summary") : RedirectToPage(next.Page);
    }

    /// <summary>"Save and stay here": saves and stays on the step.</summary>
    public async Task<IActionResult> OnPostSaveAsync()
    {
        var result = await SaveAsync(complete: false);
        if (result is not null)
        {
            return result;
        }

        StatusMessage = "Saved.";
        return RedirectToPage();
    }

    /// <summary>Background save from the page script: JSON in the same shape as the form, never completes the step.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync()
    {
        if (!await access.MayChangeAsync(User))
        {
            return NotFound();
        }

        var errors = ModelState.Where(e => e.Value?.Errors.Count > 0)
            .SelectMany(e => e.Value!.Errors.Select(x => new KeyValuePair<string, string>(e.Key, x.ErrorMessage))).ToList();
        errors.AddRange(await ValidateAsync());
        if (errors.Count > 0)
        {
            return BadRequest(new { saved = false, errors = errors.Select(e => new { field = e.Key, message = e.Value }) });
        }

        var (outcome, state) = await store.SaveAsync(access.Subject.OwnerId, Kind, FromForm(), Version, complete: false);
        return outcome == SaveOutcome.Stale
            ? new ConflictObjectResult(new { saved = false, message = StaleMessage })
            : new JsonResult(new { saved = true, version = state.Version });
    }

    protected async Task<IActionResult?> SaveAsync(bool complete)
    {
        if (!await access.MayChangeAsync(User))
        {
            return NotFound();
        }

        foreach (var (field, message) in await ValidateAsync())
        {
            ModelState.AddModelError(field, message);
        }

        if (!ModelState.IsValid)
        {
            PrepareForm();
            return Page();
        }

        var (outcome, state) = await store.SaveAsync(access.Subject.OwnerId, Kind, FromForm(), Version, complete);
        if (outcome == SaveOutcome.Stale)
        {
            IsStale = true;
            ModelState.AddModelError(string.Empty, StaleMessage);
            PrepareForm();
            return Page();
        }

        Version = state.Version;
        return null;
    }

    private async Task<List<KeyValuePair<string, string>>> ValidateAsync()
    {
        var validation = await validator.ValidateAsync(FromForm());
        return validation.Errors.Select(e => new KeyValuePair<string, string>($"{nameof(Input)}.{e.PropertyName}", e.ErrorMessage)).ToList();
    }
}

/// <summary>
/// Whose reflection a step page shows (<see cref="Infrastructure.Sharing.Subject"/>), and whether the signed-in person may change it:
/// only its owner — a counsellor with the reflection shared reads it, and every save is refused in the handler.
/// </summary>
public sealed class StepAccess(Subject subject, IAuthorizationService authorization)
{
    public Subject Subject => subject;

    public Task<bool> MayChangeAsync(ClaimsPrincipal user) =>
        authorization.MayAsync(user, subject.Records(SharedArea.Reflection), RecordOperations.Change);
}
