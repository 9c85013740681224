using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using FluentValidation;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>Step 5: non-negotiables and the hours a week the person can invest.</summary>
[SharedPage(SharedArea.Reflection, "Reflection/Priorities")]
public sealed class Priorities(ReflectionStore store, IValidator<PrioritiesAnswers> validator, StepAccess access) : StepPage<PrioritiesAnswers>(store, validator, access)
{
    protected override ReflectionStepKind Kind => ReflectionStepKind.Priorities;

    protected override void PrepareForm() => Rows.AddBlank(Input.NonNegotiables, 2, () => new NonNegotiable { Category = PriorityCategory.Other });

    public sealed class Validator : AbstractValidator<PrioritiesAnswers>
    {
        public Validator()
        {
            RuleFor(x => x.HoursPerWeek).InclusiveBetween(0, ReflectionLimits.MaxHoursPerWeek)
                .WithMessage($"Please enter a number of hours from 0 to {ReflectionLimits.MaxHoursPerWeek}. Even 2 hours a week adds up.");
            RuleFor(x => x.NonNegotiables).Must(l => l.Count <= ReflectionLimits.MaxItems + 2).WithMessage(Messages.TooManyItems("non-negotiables"));
            RuleForEach(x => x.NonNegotiables).ChildRules(item =>
            {
                item.RuleFor(n => n.Category).IsInEnum().WithMessage("Please choose from the list.");
                item.RuleFor(n => n.Note).MaximumLength(ReflectionLimits.FreeText).WithMessage(Messages.FreeTextTooLong);
            });
        }
    }
}
