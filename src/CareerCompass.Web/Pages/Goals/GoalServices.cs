using FluentValidation;

namespace CareerCompass.Web.Pages.Goals;

public static class GoalServices
{
    public static IServiceCollection AddGoals(this IServiceCollection services)
    {
        services.AddScoped<ReflectionChoices>();
        services.AddSingleton<SmartVerdicts>();
        services.AddSingleton<IValidator<Edit.InputModel>, Edit.Validator>();
        return services;
    }
}
