namespace ImagePipeline.Credentials.Sops;

/// <summary>A decrypted, MAC-verified sops file: its leaves and comments in file order.</summary>
public sealed class SopsDocument
{
    public SopsDocument(string filePath, IReadOnlyList<SopsValue> values, IReadOnlyList<SopsComment> comments)
    {
        FilePath = filePath;
        Values = values;
        Comments = comments;
    }

    public string FilePath { get; }

    public IReadOnlyList<SopsValue> Values { get; }

    public IReadOnlyList<SopsComment> Comments { get; }

    /// <summary>The leaves as path → value (paths are unique: list items carry their index).</summary>
    public IReadOnlyDictionary<string, string> ToDictionary() =>
        Values.ToDictionary(v => v.Path, v => v.Value, StringComparer.Ordinal);

    public override string ToString() => $"SopsDocument {{ FilePath = {FilePath}, Values = {Values.Count} }}";
}
