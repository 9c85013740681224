using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>
/// Just enough of RFC 5322 and MIME to read an RFC 822 message as sent (a pickup .eml or maildev's copy): the
/// top-level headers unfolded, and every leaf part with its own headers and its body decoded from base64 or
/// quoted-printable to the exact bytes. Works on Latin-1 text so every byte of the file survives the round trip.
/// </summary>
public sealed partial class RawMail
{
    private RawMail(IReadOnlyDictionary<string, string> headers, IReadOnlyList<RawMailPart> parts)
    {
        Headers = headers;
        Parts = parts;
    }

    /// <summary>Top-level header fields, names case-insensitive, values unfolded and not decoded (first of a repeated name).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The leaf parts in order (text/plain, text/html, attachments…).</summary>
    public IReadOnlyList<RawMailPart> Parts { get; }

    public IEnumerable<RawMailPart> Attachments => Parts.Where(p => p.IsAttachment);

    public static RawMail Read(string path) => Parse(File.ReadAllBytes(path));

    public static RawMail Parse(byte[] message) => Parse(Encoding.Latin1.GetString(message));

    public static RawMail Parse(string latin1)
    {
        var (headers, body) = Split(latin1);
        var parts = new List<RawMailPart>();
        Walk(headers, body, parts);
        return new RawMail(headers, parts);
    }

    /// <summary>Reads only the header block of a file: cheap when the body is not needed.</summary>
    public static IReadOnlyDictionary<string, string> ReadHeaders(string path)
    {
        using var reader = new StreamReader(path, Encoding.Latin1);
        var block = new StringBuilder();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            block.Append(line).Append("\r\n");
        }

        return ParseHeaders(block.ToString());
    }

    internal static string? Parameter(string headerValue, string name)
    {
        foreach (var piece in headerValue.Split(';').Skip(1))
        {
            var eq = piece.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && piece[..eq].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return piece[(eq + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    private static void Walk(IReadOnlyDictionary<string, string> headers, string body, List<RawMailPart> parts)
    {
        var contentType = headers.GetValueOrDefault("Content-Type", "text/plain");
        var boundary = Parameter(contentType, "boundary");
        if (!contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) || boundary is null)
        {
            parts.Add(new RawMailPart(headers, Decode(headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit"), body)));
            return;
        }

        var delimiter = "--" + boundary;
        var lines = body.Split("\r\n");
        var current = (StringBuilder?)null;
        foreach (var line in lines)
        {
            if (line == delimiter || line == delimiter + "--")
            {
                if (current is not null)
                {
                    var text = current.ToString();
                    var (partHeaders, partBody) = Split(text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text);
                    Walk(partHeaders, partBody, parts);
                }

                current = line == delimiter ? new StringBuilder() : null;
                if (current is null)
                {
                    break;
                }

                continue;
            }

            current?.Append(line).Append("\r\n");
        }
    }

    private static (IReadOnlyDictionary<string, string> Headers, string Body) Split(string entity)
    {
        if (entity.StartsWith("\r\n", StringComparison.Ordinal))
        {
            return (ParseHeaders(string.Empty), entity[2..]);
        }

        var end = entity.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return end < 0 ? (ParseHeaders(entity), string.Empty) : (ParseHeaders(entity[..(end + 2)]), entity[(end + 4)..]);
    }

    private static Dictionary<string, string> ParseHeaders(string block)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var unfolded = block.Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", "\t", StringComparison.Ordinal);
        foreach (var line in unfolded.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        return headers;
    }

    private static byte[] Decode(string transferEncoding, string body) => transferEncoding.Trim().ToLowerInvariant() switch
    {
        "base64" => Convert.FromBase64String(WhiteSpace().Replace(body, string.Empty)),
        "quoted-printable" => DecodeQuotedPrintable(body),
        _ => Encoding.Latin1.GetBytes(body),
    };

    private static byte[] DecodeQuotedPrintable(string body)
    {
        var joined = body.Replace("=\r\n", string.Empty, StringComparison.Ordinal);
        var bytes = new List<byte>(joined.Length);
        for (var i = 0; i < joined.Length; i++)
        {
            if (joined[i] == '=' && i + 2 < joined.Length && Uri.IsHexDigit(joined[i + 1]) && Uri.IsHexDigit(joined[i + 2]))
            {
                bytes.Add(byte.Parse(joined.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                bytes.Add((byte)joined[i]);
            }
        }

        return bytes.ToArray();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}

/// <summary>One leaf MIME part: its headers and its body as the exact bytes it carries.</summary>
public sealed record RawMailPart(IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    /// <summary>The whole Content-Type value, parameters included.</summary>
    public string ContentType => Headers.GetValueOrDefault("Content-Type", "text/plain");

    public bool IsAttachment =>
        Headers.GetValueOrDefault("Content-Disposition", string.Empty).StartsWith("attachment", StringComparison.OrdinalIgnoreCase);

    public string? FileName =>
        RawMail.Parameter(Headers.GetValueOrDefault("Content-Disposition", string.Empty), "filename") ?? RawMail.Parameter(ContentType, "name");

    /// <summary>The body as text in its declared charset (UTF-8 when none is declared).</summary>
    public string Text => Encoding.GetEncoding(RawMail.Parameter(ContentType, "charset") ?? "utf-8").GetString(Body);
}
