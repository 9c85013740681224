using CareerCompass.Domain.Common;

namespace CareerCompass.Domain.Sharing;

/// <summary>
/// One look by a counsellor at a client's records, so the client can see who viewed what and when. Owned by the
/// client; kept for <see cref="RetentionDays"/> days.
/// </summary>
public sealed class AccessLogEntry : OwnedEntity
{
    public const int PathLength = 300;

    /// <summary>How long entries are kept (two years).</summary>
    public const int RetentionDays = 730;

    private AccessLogEntry(string ownerId, string counsellorId, SharedArea area, int? recordId, string path, DateTime atUtc)
        : base(ownerId)
    {
        CounsellorId = counsellorId;
        Area = area;
        RecordId = recordId;
        Path = path;
        AtUtc = atUtc;
    }

    public string CounsellorId { get; private set; }

    public SharedArea Area { get; private set; }

    /// <summary>The goal, review or other record looked at, when the page was about one.</summary>
    public int? RecordId { get; private set; }

    /// <summary>The page's path, cut to <see cref="PathLength"/> characters.</summary>
    public string Path { get; private set; }

    public DateTime AtUtc { get; private set; }

    /// <summary>
    /// An entry for <paramref name="counsellorId"/> viewing <paramref name="area"/> of <paramref name="clientId"/>'s
    /// records. A path longer than <see cref="PathLength"/> is cut rather than refused: logging never stops a page.
    /// </summary>
    public static AccessLogEntry Of(string clientId, string counsellorId, SharedArea area, int? recordId, string? path, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(counsellorId);
        if (!Enum.IsDefined(area))
        {
            throw new ArgumentOutOfRangeException(nameof(area), area, "Not a part of a client's records.");
        }

        var tidy = Strings.Tidy(path) ?? string.Empty;
        return new AccessLogEntry(clientId, counsellorId, area, recordId, tidy.Length > PathLength ? tidy[..PathLength] : tidy, now.UtcDateTime);
    }

    /// <summary>Entries from before this moment are past <see cref="RetentionDays"/> and can be removed.</summary>
    public static DateTime RetentionCutoffUtc(DateTimeOffset now) => now.UtcDateTime.AddDays(-RetentionDays);

    public bool IsPastRetention(DateTimeOffset now) => AtUtc < RetentionCutoffUtc(now);
}
