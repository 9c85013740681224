namespace CareerCompass.Bench.Scale;

/// <summary>The repository's root: the nearest folder above the build output holding CareerCompass.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CareerCompass.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository (no CareerCompass.sln above the build output).");
    }
}
