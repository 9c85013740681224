using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>
/// Step 2: pick work values from the curated list, add your own, and rank them; the first five are the top five.
/// Ranking is by "Move up" / "Move down" buttons, which work from the keyboard and without JavaScript.
/// </summary>
[SharedPage(SharedArea.Reflection, "Reflection/Values")]
public sealed class Values(ReflectionStore store, IValidator<ValuesAnswers> validator, StepAccess access) : StepPage<ValuesAnswers>(store, validator, access)
{
    /// <summary>Catalogue keys ticked in the form.</summary>
    [BindProperty]
    public List<string> Picked { get; set; } = [];

    /// <summary>New values of the person's own, typed into the blank boxes.</summary>
    [BindProperty]
    public List<string?> NewOwn { get; set; } = [];

    private ValuesAnswers? _fromForm;

    protected override ReflectionStepKind Kind => ReflectionStepKind.Values;

    public async Task<IActionResult> OnPostMoveAsync(Guid id, string direction)
    {
        var moved = _fromForm = FromForm().Move(id, direction == "up" ? -1 : +1);
        var result = await SaveAsync(complete: false);
        if (result is not null)
        {
            return result;
        }

        var name = moved.Chosen.FirstOrDefault(v => v.Id == id)?.DisplayName;
        StatusMessage = name is null ? null : $"Moved {name} {(direction == "up" ? "up" : "down")}.";
        return RedirectToPage(null, null, null, "ranking");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        var current = FromForm();
        _fromForm = current with { Chosen = current.Chosen.Where(v => v.Id != id).ToList() };
        var result = await SaveAsync(complete: false);
        return result ?? RedirectToPage(null, null, null, "ranking");
    }

    protected override ValuesAnswers FromForm() => _fromForm ??= Combine();

    private ValuesAnswers Combine()
    {
        // The ranked list posts back as hidden fields; ticks and new boxes change it: unticked catalogue values
        // leave, newly ticked ones and new own values join at the end.
        var ranked = Input.Chosen.ToList();
        if (Request.HasFormContentType && Request.Form.ContainsKey("PickedPresent"))
        {
            ranked.RemoveAll(v => v.Key is not null && !Picked.Contains(v.Key));
            ranked.AddRange(Picked.Where(k => ranked.All(v => v.Key != k)).Select(k => new ChosenValue { Key = k }));
        }

        ranked.AddRange(NewOwn.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => new ChosenValue { Custom = o }));
        return (ValuesAnswers)(Input with { Chosen = ranked }).Normalized();
    }

    protected override void PrepareForm()
    {
        if (_fromForm is not null)
        {
            Input = _fromForm;
        }

        Picked = Input.Chosen.Where(v => v.Key is not null).Select(v => v.Key!).ToList();
        NewOwn = [null, null];
    }

    public sealed class Validator : AbstractValidator<ValuesAnswers>
    {
        public Validator()
        {
            RuleFor(x => x.Chosen).Must(c => c.Count <= ReflectionLimits.MaxItems).WithMessage(Messages.TooManyItems("values"));
            RuleForEach(x => x.Chosen).ChildRules(value =>
            {
                value.RuleFor(v => v.Key).Must(k => k is null || WorkValues.Find(k) is not null)
                    .WithMessage("One of those values isn't on our list. Please reload the page and choose again.");
                value.RuleFor(v => v.Custom).MaximumLength(ReflectionLimits.ItemText).WithMessage(Messages.ItemTooLong);
            });
        }
    }
}
