namespace CareerCompass.Web.Tests.Infrastructure;

/// <summary>The repository the tests run from: the folder above the test binaries that holds <c>CareerCompass.sln</c>.</summary>
internal static class Repository
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareerCompass.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"No CareerCompass.sln above {AppContext.BaseDirectory}.");
    });

    public static string Root => Folder.Value;
}
