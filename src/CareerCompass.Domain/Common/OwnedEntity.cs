namespace CareerCompass.Domain.Common;

/// <summary>
/// A record that belongs to exactly one person. Every page checks the owner (and, later, a counsellor's grant)
/// before it shows or changes one. <see cref="Version"/> is renewed on every save so that a change based on an
/// older copy — another tab, a stale form — is refused instead of silently overwriting.
/// </summary>
public abstract class OwnedEntity : IOwnedRecord
{
    protected OwnedEntity(string ownerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        OwnerId = ownerId;
    }

    public int Id { get; private set; }

    public string OwnerId { get; private set; }

    public Guid Version { get; private set; } = Guid.NewGuid();

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Called by the persistence layer whenever the record is added or changed.</summary>
    public void Stamp(DateTimeOffset now, bool isNew)
    {
        var utc = now.UtcDateTime;
        if (isNew)
        {
            CreatedAtUtc = utc;
        }

        UpdatedAtUtc = utc;
        Version = Guid.NewGuid();
    }
}
