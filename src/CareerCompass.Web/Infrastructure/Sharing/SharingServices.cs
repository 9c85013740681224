using System.Reflection;
using CareerCompass.Web.Infrastructure.Authorization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareerCompass.Web.Infrastructure.Sharing;

public static class SharingServices
{
    /// <summary>Where a counsellor's read-only copies of a client's pages live.</summary>
    public const string ClientsPrefix = "Counsellor/Clients/{" + Subject.RouteKey + ":guid}";

    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddScoped<Subject>();
        services.AddScoped<GrantLookup>();
        services.AddScoped<IAuthorizationHandler, CounsellorGrantHandler>();
        services.AddScoped<SubjectFilter>();
        services.AddScoped<CommentThreads>();
        services.AddScoped<CommentMailPass>();
        return services;
    }

    /// <summary>
    /// Each <see cref="SharedPageAttribute"/> page also answers at <c>/Counsellor/Clients/{clientId}/…</c>. The page's
    /// name follows from its model's namespace (<c>CareerCompass.Web.Pages.Goals.Details</c> is <c>/Goals/Details</c>).
    /// </summary>
    public static void AddClientRoutes(this PageConventionCollection conventions)
    {
        ArgumentNullException.ThrowIfNull(conventions);
        foreach (var (name, shared) in SharedPages())
        {
            var template = shared.Route.Length == 0 ? ClientsPrefix : $"{ClientsPrefix}/{shared.Route}";
            conventions.AddPageRouteModelConvention(name, model => model.Selectors.Add(new SelectorModel
            {
                // Not AddPageRoute: that would take link generation away from the page's own address. Both stay; a
                // link with a clientId tries this one first (lower order), a link without one can't use it.
                AttributeRouteModel = new AttributeRouteModel { Template = template, Order = -1 },
            }));
        }
    }

    public static IEnumerable<(string PageName, SharedPageAttribute Shared)> SharedPages()
    {
        const string root = "CareerCompass.Web.Pages.";
        return typeof(SharingServices).Assembly.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && t.GetCustomAttribute<SharedPageAttribute>() is not null)
            .Select(t => ("/" + t.FullName![root.Length..].Replace('.', '/'), t.GetCustomAttribute<SharedPageAttribute>()!))
            .OrderBy(p => p.Item1, StringComparer.Ordinal);
    }
}
