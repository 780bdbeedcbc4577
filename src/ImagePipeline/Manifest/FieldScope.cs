namespace ImagePipeline.Manifest;

/// <summary>
/// Names fields in errors: inside a named image they are relative to it (<c>source.checksum</c>);
/// elsewhere they carry the full path from the document root (<c>spec.images[2].name</c>).
/// </summary>
internal readonly record struct FieldScope(string? Image, string Prefix)
{
    public static FieldScope Root { get; } = new(null, "");

    public static FieldScope ForImage(string? name, int index) =>
        name is null ? new FieldScope(null, $"spec.images[{index}]") : new FieldScope(name, "");

    public string Field(string relative) =>
        Prefix.Length == 0 ? relative : relative.Length == 0 ? Prefix : Prefix + "." + relative;
}
