namespace CareerCompass.Domain.Common;

public static class Strings
{
    /// <summary>Trims text a person typed; blank becomes null, so "nothing" is stored one way.</summary>
    public static string? Tidy(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
