namespace CareerCompass.Web.Infrastructure.Security;

/// <summary>Client-sent text quoted back in a message: bounded, and without control characters.</summary>
public static class SafeText
{
    public const int QuoteLength = 40;

    /// <summary>For a person: at most <see cref="QuoteLength"/> characters, control characters as spaces.</summary>
    public static string Shorten(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var cut = value.Length > QuoteLength ? value[..QuoteLength] + "…" : value;
        return string.Create(cut.Length, cut, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) || char.IsSurrogate(text[i]) ? ' ' : text[i];
            }
        });
    }
}
