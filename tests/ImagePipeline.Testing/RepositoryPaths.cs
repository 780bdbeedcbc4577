namespace ImagePipeline.Testing;

/// <summary>Locates the repository root (the folder holding ImagePipeline.sln) and ../shared.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The shared fixtures folder beside the repository (read-only in CI).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string SopsFixtures => Path.Combine(Shared, "fixtures", "sops");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImagePipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ImagePipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
