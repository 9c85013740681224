using Microsoft.AspNetCore.Mvc.Filters;

namespace CareerCompass.Web.Infrastructure.Requests;

public static class RequestGuards
{
    /// <summary>Filters every page runs through: requests no handler answers, and saves for an account that is gone.</summary>
    public static void AddRequestGuards(this FilterCollection filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        filters.Add<UnmatchedHandlerFilter>();
        filters.Add<AccountGoneFilter>();
    }
}
