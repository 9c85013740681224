namespace CareerCompass.Web.Data;

/// <summary>Which release of a shipped data set the database holds, so an import runs once per release.</summary>
public sealed class ReferenceDataVersion(string name, string version)
{
    public string Name { get; private set; } = name;

    public string Version { get; set; } = version;
}
