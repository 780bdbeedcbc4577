namespace ImagePipeline.Build.CI;

/// <summary>A file the build generates and the repository commits; stale when the committed bytes differ.</summary>
/// <param name="RelativePath">Path under the repository root, with forward slashes.</param>
/// <param name="Content">What the generator writes.</param>
internal sealed record GeneratedFile(string RelativePath, string Content)
{
    public string FullPath(string root) => Path.Combine(root, RelativePath);

    public bool IsCurrent(string root) =>
        File.Exists(FullPath(root)) && string.Equals(File.ReadAllText(FullPath(root)), Content, StringComparison.Ordinal);

    public async Task WriteAsync(string root, CancellationToken cancellationToken)
    {
        var path = FullPath(root);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, Content, cancellationToken);
    }
}
