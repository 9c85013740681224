using CareerCompass.Domain.Reflection;
using CareerCompass.Domain.Sharing;
using CareerCompass.Web.Infrastructure.Sharing;
using FluentValidation;

namespace CareerCompass.Web.Pages.Reflection;

/// <summary>Step 1: what energizes the person, concrete interests, and the RIASEC interest explorer.</summary>
[SharedPage(SharedArea.Reflection, "Reflection/Interests")]
public sealed class Interests(ReflectionStore store, IValidator<InterestsAnswers> validator, StepAccess access) : StepPage<InterestsAnswers>(store, validator, access)
{
    protected override ReflectionStepKind Kind => ReflectionStepKind.Interests;

    public InterestProfile Profile => Input.Profile();

    /// <summary>
    /// The explorer's result in plain words. wwwroot/js/interest-explorer.js builds the same sentences live as the
    /// person rates; keep the two in step.
    /// </summary>
    public static string ResultSentence(InterestProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.IsComplete)
        {
            return $"You lean towards {profile.InPlainWords}. That's {profile.HollandCode} for short.";
        }

        return profile.Leaning.Count == 0
            ? "Rate a few activities and you'll see here which areas you lean towards."
            : $"So far you lean towards {profile.InPlainWords}. Rate at least one activity in every area to see your top three.";
    }

    protected override void PrepareForm()
    {
        var rated = Input.Explorer.Where(r => r.Rating is not null).GroupBy(r => r.ActivityId).ToDictionary(g => g.Key, g => g.Last().Rating);
        Input.Explorer.Clear();
        Input.Explorer.AddRange(Riasec.Activities.Select(a => new ActivityRating { ActivityId = a.Id, Rating = rated.GetValueOrDefault(a.Id) }));
        Rows.AddBlank(Input.Items, 3, () => new InterestItem());
    }

    public sealed class Validator : AbstractValidator<InterestsAnswers>
    {
        public Validator()
        {
            RuleFor(x => x.Energizers).MaximumLength(ReflectionLimits.FreeText).WithMessage(Messages.FreeTextTooLong);
            RuleFor(x => x.Items).Must(items => items.Count(i => !string.IsNullOrWhiteSpace(i.Text)) <= ReflectionLimits.MaxItems)
                .WithMessage(Messages.TooManyItems("interests"));
            RuleForEach(x => x.Items).ChildRules(item =>
            {
                item.RuleFor(i => i.Text).MaximumLength(ReflectionLimits.ItemText).WithMessage(Messages.ItemTooLong);
                item.RuleFor(i => i.Energy).InclusiveBetween(ReflectionLimits.MinRating, ReflectionLimits.MaxRating).WithMessage(Messages.RatingOutOfRange);
            });
            RuleForEach(x => x.Explorer).ChildRules(rating =>
            {
                rating.RuleFor(r => r.ActivityId).Must(Riasec.IsKnownActivity).WithMessage("That activity isn't one we know. Please reload the page.");
                rating.RuleFor(r => r.Rating).InclusiveBetween(ReflectionLimits.MinRating, ReflectionLimits.MaxRating).WithMessage(Messages.RatingOutOfRange);
            });
        }
    }
}
