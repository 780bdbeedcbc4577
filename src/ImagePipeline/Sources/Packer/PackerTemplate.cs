using System.Text.RegularExpressions;

namespace ImagePipeline.Sources.Packer;

/// <summary>What we need to know about a template directory without running Packer.</summary>
public static partial class PackerTemplate
{
    /// <summary>Packer's download cache, created in the working directory by default.</summary>
    public const string CacheDirectoryName = "packer_cache";

    /// <summary>
    /// True when a top-level <c>*.pkr.hcl</c>/<c>*.pkr.json</c> (the files Packer reads) declares
    /// <c>required_plugins</c>, i.e. <c>packer init</c> must run before the build. Comments are ignored.
    /// </summary>
    public static bool DeclaresRequiredPlugins(string templateDirectory) =>
        Directory.EnumerateFiles(templateDirectory)
            .Where(f => f.EndsWith(".pkr.hcl", StringComparison.Ordinal) || f.EndsWith(".pkr.json", StringComparison.Ordinal))
            .Any(f => RequiredPlugins().IsMatch(Comments().Replace(File.ReadAllText(f), string.Empty)));

    /// <summary>
    /// The template's input files as (relative path with '/', full path), sorted by relative path
    /// (ordinal). Leaves out Packer's cache and the build output: the artifact's directory, or the
    /// artifact alone when it sits at the top of the template directory. Includes dot files.
    /// </summary>
    public static IReadOnlyList<(string RelativePath, string FullPath)> EnumerateInputFiles(string templateDirectory, string artifact)
    {
        var root = Path.GetFullPath(templateDirectory);
        var artifactPath = Normalize(artifact);
        var outputDirectory = Path.GetDirectoryName(artifactPath)?.Replace('\\', '/');
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        return [.. Directory.EnumerateFiles(root, "*", options)
            .Select(full => (RelativePath: Path.GetRelativePath(root, full).Replace('\\', '/'), FullPath: full))
            .Where(f => !IsBuildOutput(f.RelativePath, artifactPath, outputDirectory))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    private static bool IsBuildOutput(string relativePath, string artifactPath, string? outputDirectory) =>
        relativePath == artifactPath
        || relativePath.Split('/').Contains(CacheDirectoryName)
        || (!string.IsNullOrEmpty(outputDirectory) && relativePath.StartsWith(outputDirectory + "/", StringComparison.Ordinal));

    private static string Normalize(string relative) =>
        string.Join('/', relative.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "."));

    [GeneratedRegex(@"\brequired_plugins\b")]
    private static partial Regex RequiredPlugins();

    [GeneratedRegex(@"/\*.*?\*/|(#|//)[^\n]*", RegexOptions.Singleline)]
    private static partial Regex Comments();
}
