using Microsoft.AspNetCore.Mvc.ViewFeatures;
using CareerCompass.Web.Infrastructure.Design;

namespace CareerCompass.Web.Components;

/// <summary>
/// Where the <see cref="Icon"/> component finds a symbol: the sprite wwwroot/icons.svg under the request's path base,
/// with the same file version the <c>&lt;icon&gt;</c> tag helper adds, so both write the same <c>&lt;use href&gt;</c>.
/// </summary>
public sealed class IconSprite(IFileVersionProvider versions, IHttpContextAccessor http)
{
    public string Href(string name)
    {
        var pathBase = http.HttpContext?.Request.PathBase ?? PathString.Empty;
        return versions.AddFileVersionToPath(pathBase, pathBase + IconTagHelper.SpritePath) + "#" + name;
    }
}
