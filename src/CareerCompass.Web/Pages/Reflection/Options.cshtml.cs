using System.Text.RegularExpressions;
using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using FluentValidation;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>Step 7: career options being explored, how each fits, and small research actions to test the waters.</summary>
[SharedPage(SharedArea.Reflection, "Reflection/Options")]
public sealed class Options(ReflectionStore store, IValidator<OptionsAnswers> validator, StepAccess access) : StepPage<OptionsAnswers>(store, validator, access)
{
    protected override ReflectionStepKind Kind => ReflectionStepKind.Options;

    protected override void PrepareForm()
    {
        Rows.AddBlank(Input.Options, 1, () => new CareerOption());
        foreach (var option in Input.Options)
        {
            Rows.AddBlank(option.Research, 1, () => new ResearchAction());
        }
    }

    public sealed class Validator : AbstractValidator<OptionsAnswers>
    {
        // An O*NET-SOC code such as 15-1252.00. Linear time, no timeout: Matches("pattern") would build a back-tracking Regex.
        private static readonly Regex OccupationCode = new(@"^\d{2}-\d{4}\.\d{2}$", RegexOptions.NonBacktracking);

        public Validator()
        {
            RuleFor(x => x.Options).Must(l => l.Count(o => !string.IsNullOrWhiteSpace(o.Title)) <= ReflectionLimits.MaxItems).WithMessage(Messages.TooManyItems("options"));
            RuleFor(x => x.MoreStudy).IsInEnum().WithMessage("Please choose from the list.");
            RuleFor(x => x.StudyNow).IsInEnum().WithMessage("Please choose from the list.");
            RuleForEach(x => x.Options).ChildRules(option =>
            {
                option.RuleFor(o => o.Title).MaximumLength(ReflectionLimits.ItemText).WithMessage(Messages.ItemTooLong);
                option.RuleFor(o => o.FitNote).MaximumLength(ReflectionLimits.FreeText).WithMessage(Messages.FreeTextTooLong);
                option.RuleFor(o => o.OccupationCode).Matches(OccupationCode).When(o => o.OccupationCode is not null)
                    .WithMessage("That occupation code doesn't look right. Please add the occupation again from the explorer.");
                option.RuleFor(o => o.Research).Must(l => l.Count(r => !string.IsNullOrWhiteSpace(r.Description)) <= ReflectionLimits.MaxItems)
                    .WithMessage(Messages.TooManyItems("research actions per option"));
                option.RuleForEach(o => o.Research).ChildRules(action =>
                {
                    action.RuleFor(r => r.Kind).IsInEnum().WithMessage("Please choose from the list.");
                    action.RuleFor(r => r.Status).IsInEnum().WithMessage("Please choose from the list.");
                    action.RuleFor(r => r.Description).MaximumLength(ReflectionLimits.ItemText).WithMessage(Messages.ItemTooLong);
                });
            });
        }
    }
}
