using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using FluentValidation;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>Step 4: past roles and projects — energizing or draining, and why.</summary>
[SharedPage(SharedArea.Reflection, "Reflection/Experiences")]
public sealed class Experiences(ReflectionStore store, IValidator<ExperiencesAnswers> validator, StepAccess access) : StepPage<ExperiencesAnswers>(store, validator, access)
{
    protected override ReflectionStepKind Kind => ReflectionStepKind.Experiences;

    protected override void PrepareForm() => Rows.AddBlank(Input.Items, 2, () => new ExperienceItem());

    public sealed class Validator : AbstractValidator<ExperiencesAnswers>
    {
        public Validator()
        {
            RuleFor(x => x.Items).Must(l => l.Count(e => !string.IsNullOrWhiteSpace(e.Title)) <= ReflectionLimits.MaxItems).WithMessage(Messages.TooManyItems("experiences"));
            RuleForEach(x => x.Items).ChildRules(item =>
            {
                item.RuleFor(e => e.Title).MaximumLength(ReflectionLimits.ItemText).WithMessage(Messages.ItemTooLong);
                item.RuleFor(e => e.Feeling).IsInEnum().WithMessage("Please choose energizing or draining.");
                item.RuleForEach(e => e.Tags).IsInEnum().WithMessage("Please choose from the reasons listed.");
                item.RuleFor(e => e.Why).MaximumLength(ReflectionLimits.FreeText).WithMessage(Messages.FreeTextTooLong);
            });
        }
    }
}
