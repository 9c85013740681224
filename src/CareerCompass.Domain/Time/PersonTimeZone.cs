using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CareerCompass.Domain.Time;

/// <summary>
/// A person's time zone is an IANA id the server knows ("Europe/London", "America/Argentina/Buenos_Aires", "UTC").
/// Whatever arrives from a browser or a form is checked against the server's own list; anything else is refused.
/// </summary>
public static class PersonTimeZone
{
    public const string Default = "UTC";

    public const int MaxLength = 64;

    private static readonly Lazy<FrozenDictionary<string, TimeZoneInfo>> Known = new(() =>
        All.ToFrozenDictionary(z => z.Id, StringComparer.OrdinalIgnoreCase));

    /// <summary>The server's zones (on Linux, IANA ids from the system's tz database).</summary>
    public static IReadOnlyList<TimeZoneInfo> All => TimeZoneInfo.GetSystemTimeZones();

    /// <summary>
    /// The server's zone for <paramref name="id"/> with its id as the server spells it, or false: empty, too long,
    /// not shaped like an IANA id ("Area/Location" or UTC — no Windows names, no paths), or unknown here.
    /// </summary>
    public static bool TryFind(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength || !IsShapedLikeAnIanaId(id))
        {
            return false;
        }

        if (Known.Value.TryGetValue(id, out var listed))
        {
            zone = listed;
            return true;
        }

        // Another name the server has a file for (Chromium reports "Asia/Calcutta" where the list says
        // "Asia/Kolkata"), spelt exactly: the system's lookup is case-insensitive only for zones it has cached.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) || !found.HasIanaId || !string.Equals(found.Id, id, StringComparison.Ordinal))
        {
            return false;
        }

        zone = found;
        return true;
    }

    /// <summary>"UTC", or "Area/Location[/More]" of letters, digits, '_', '-' and '+' — never "..", a leading "/" or a space.</summary>
    private static bool IsShapedLikeAnIanaId(string id)
    {
        if (string.Equals(id, Default, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var parts = id.Split('/');
        return parts.Length >= 2 && parts.All(part => part.Length > 0 && part[0] != '-' && part[0] != '+' && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '+'));
    }

    /// <summary>The zone for a stored or claimed id; UTC when it is missing or no longer known to this server.</summary>
    public static TimeZoneInfo FindOrUtc(string? id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
