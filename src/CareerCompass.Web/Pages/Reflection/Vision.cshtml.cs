using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using FluentValidation;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>Step 6: where the person wants to be in 1, 3 and 5+ years, the impact they want, and why.</summary>
[SharedPage(SharedArea.Reflection, "Reflection/Vision")]
public sealed class Vision(ReflectionStore store, IValidator<VisionAnswers> validator, StepAccess access) : StepPage<VisionAnswers>(store, validator, access)
{
    protected override ReflectionStepKind Kind => ReflectionStepKind.Vision;

    public sealed class Validator : AbstractValidator<VisionAnswers>
    {
        public Validator()
        {
            RuleFor(x => x.OneYear).MaximumLength(ReflectionLimits.FreeText).WithMessage(Messages.FreeTextTooLong);
            RuleFor(x => x.ThreeYears).MaximumLength(ReflectionLimits.FreeText).WithMessage(Messages.FreeTextTooLong);
            RuleFor(x => x.FiveYearsPlus).MaximumLength(ReflectionLimits.FreeText).WithMessage(Messages.FreeTextTooLong);
            RuleFor(x => x.Impact).MaximumLength(ReflectionLimits.FreeText).WithMessage(Messages.FreeTextTooLong);
            RuleFor(x => x.WhatFromWork).MaximumLength(ReflectionLimits.FreeText).WithMessage(Messages.FreeTextTooLong);
            RuleFor(x => x.Why).MaximumLength(ReflectionLimits.FreeText).WithMessage(Messages.FreeTextTooLong);
        }
    }
}
