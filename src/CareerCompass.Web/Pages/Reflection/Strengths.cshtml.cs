using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using FluentValidation;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>Step 3: skills by kind with a self-rating and evidence, development areas, and feedback received.</summary>
[SharedPage(SharedArea.Reflection, "Reflection/Strengths")]
public sealed class Strengths(ReflectionStore store, IValidator<StrengthsAnswers> validator, StepAccess access) : StepPage<StrengthsAnswers>(store, validator, access)
{
    protected override ReflectionStepKind Kind => ReflectionStepKind.Strengths;

    protected override void PrepareForm()
    {
        Rows.AddBlank(Input.Skills, 3, () => new SkillItem());
        Rows.AddBlank(Input.Development, 2, () => new DevelopmentArea());
        Rows.AddBlank(Input.Feedback, 2, () => new FeedbackItem());
    }

    public sealed class Validator : AbstractValidator<StrengthsAnswers>
    {
        public Validator()
        {
            RuleFor(x => x.Skills).Must(l => l.Count(s => !string.IsNullOrWhiteSpace(s.Name)) <= ReflectionLimits.MaxItems).WithMessage(Messages.TooManyItems("skills"));
            RuleFor(x => x.Development).Must(l => l.Count(s => !string.IsNullOrWhiteSpace(s.Name)) <= ReflectionLimits.MaxItems).WithMessage(Messages.TooManyItems("development areas"));
            RuleFor(x => x.Feedback).Must(l => l.Count(s => !string.IsNullOrWhiteSpace(s.Said)) <= ReflectionLimits.MaxItems).WithMessage(Messages.TooManyItems("pieces of feedback"));
            RuleForEach(x => x.Skills).ChildRules(skill =>
            {
                skill.RuleFor(s => s.Name).MaximumLength(ReflectionLimits.ItemText).WithMessage(Messages.ItemTooLong);
                skill.RuleFor(s => s.Kind).IsInEnum().WithMessage("Please choose technical, soft or interpersonal.");
                skill.RuleFor(s => s.Rating).InclusiveBetween(ReflectionLimits.MinRating, ReflectionLimits.MaxRating).WithMessage(Messages.RatingOutOfRange);
                skill.RuleFor(s => s.Evidence).MaximumLength(ReflectionLimits.FreeText).WithMessage(Messages.FreeTextTooLong);
            });
            RuleForEach(x => x.Development).ChildRules(area =>
            {
                area.RuleFor(a => a.Name).MaximumLength(ReflectionLimits.ItemText).WithMessage(Messages.ItemTooLong);
                area.RuleFor(a => a.Approach).IsInEnum().WithMessage("Please choose whether to improve it or work around it.");
            });
            RuleForEach(x => x.Feedback).ChildRules(feedback =>
            {
                feedback.RuleFor(f => f.From).IsInEnum().WithMessage("Please choose who gave you this feedback.");
                feedback.RuleFor(f => f.Said).MaximumLength(ReflectionLimits.FreeText).WithMessage(Messages.FreeTextTooLong);
            });
        }
    }
}
