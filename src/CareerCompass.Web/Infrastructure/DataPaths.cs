namespace CareerCompass.Web.Infrastructure;

/// <summary>
/// Relative paths in configuration (the database, the mail folder, the key ring) are resolved against one data
/// root: the directory the app was started from, so <c>dotnet run</c> in the repository puts everything under
/// <c>./data</c>. An absolute path is used as it is.
/// </summary>
public sealed class DataPaths(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root, path));
}
