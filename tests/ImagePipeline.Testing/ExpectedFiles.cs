using Xunit;

namespace ImagePipeline.Testing;

/// <summary>
/// Compares output with a checked-in file of the repository (<c>folder/name.txt</c>, folder relative to the root);
/// <c>UPDATE_EXPECTED=1</c> rewrites the file instead (review the diff).
/// </summary>
public static class ExpectedFiles
{
    public static void AssertMatches(string folder, string name, string actual)
    {
        var path = Path.Combine(RepositoryPaths.Root, folder, name + ".txt");
        if (Environment.GetEnvironmentVariable("UPDATE_EXPECTED") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.Equal(File.ReadAllText(path), actual);
    }
}
