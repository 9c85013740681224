namespace CareerCompass.Web.Data;

/// <summary>
/// One element of the data-protection key ring (the keys that sign and encrypt cookies, sessions and e-mailed
/// tokens), kept in the database so every instance sharing it shares the keys. The shape is that of
/// Microsoft.AspNetCore.DataProtection.EntityFrameworkCore's entity, so a later switch to that package needs no data change.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }

    /// <summary>What the key manager called the element (<c>key-{guid}</c>); for people reading the table.</summary>
    public string? FriendlyName { get; set; }

    /// <summary>The element as XML.</summary>
    public string? Xml { get; set; }
}
