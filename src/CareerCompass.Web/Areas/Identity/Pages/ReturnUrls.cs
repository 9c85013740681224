using Microsoft.AspNetCore.Mvc;

namespace CareerCompass.Web.Areas.Identity.Pages;

/// <summary>Where to go after signing in or out: the address asked for when it is on this site, otherwise home.</summary>
public static class ReturnUrls
{
    public static string LocalOrHome(this IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : url.Content("~/");
}
