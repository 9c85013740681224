using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace CareerCompass.Web.Tests.Components;

/// <summary>An element's text as a person reads it: runs of white space from the markup's layout become one space.</summary>
public static partial class ComponentText
{
    public static string Text(this IElement element) => Spaces().Replace(element.TextContent, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
