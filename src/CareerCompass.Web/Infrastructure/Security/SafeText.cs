using System.Globalization;
using System.Text;

namespace CareerCompass.Web.Infrastructure.Security;

/// <summary>Client-sent text quoted back in a message or written to the log: bounded, and without control characters.</summary>
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

    /// <summary>For a log line: at most <paramref name="max"/> characters, control characters and lone surrogates escaped as \uXXXX.</summary>
    public static string ForLog(string? value, int max = 200)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(value.Length, max) + 16);
        foreach (var c in value)
        {
            if (builder.Length >= max)
            {
                builder.Append("…(").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
                break;
            }

            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
