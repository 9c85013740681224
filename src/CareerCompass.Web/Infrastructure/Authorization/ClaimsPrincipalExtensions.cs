using System.Security.Claims;

namespace CareerCompass.Web.Infrastructure.Authorization;

public static class ClaimsPrincipalExtensions
{
    public static string? GetUserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>For pages that only signed-in people reach (the fallback policy guarantees it).</summary>
    public static string RequireUserId(this ClaimsPrincipal user) =>
        user.GetUserId() ?? throw new InvalidOperationException("This page needs a signed-in person.");
}
