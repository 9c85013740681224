namespace CareerCompass.Domain.Common;

/// <summary>Anything that can be checked against its owner: an entity, or a projection of one.</summary>
public interface IOwnedRecord
{
    string OwnerId { get; }
}
