using CareerCompass.Domain.Reflection;
using CareerCompass.Web.Pages.Reflection.Occupations;
using FluentValidation;

namespace CareerCompass.Web.Pages.Reflection;

public static class ReflectionServices
{
    /// <summary>The reflection's store and one validator per step, registered explicitly.</summary>
    public static IServiceCollection AddReflection(this IServiceCollection services)
    {
        services.AddScoped<ReflectionStore>();
        services.AddScoped<StepAccess>();
        services.AddScoped<Occupations.OccupationCatalog>();
        services.AddOccupationSearch();
        services.AddSingleton<Occupations.OccupationProfiles>();
        services.AddSingleton<IValidator<InterestsAnswers>, Interests.Validator>();
        services.AddSingleton<IValidator<ValuesAnswers>, Values.Validator>();
        services.AddSingleton<IValidator<StrengthsAnswers>, Strengths.Validator>();
        services.AddSingleton<IValidator<ExperiencesAnswers>, Experiences.Validator>();
        services.AddSingleton<IValidator<PrioritiesAnswers>, Priorities.Validator>();
        services.AddSingleton<IValidator<VisionAnswers>, Vision.Validator>();
        services.AddSingleton<IValidator<OptionsAnswers>, Options.Validator>();
        return services;
    }
}
