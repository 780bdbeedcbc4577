namespace ImagePipeline.Metadata;

/// <summary>
/// Where a stored image came from. Packer variable names are recorded, never their values
/// (they may be secrets).
/// </summary>
public sealed record MetadataSource
{
    public required string Type { get; init; }

    public string? Url { get; init; }

    public string? Path { get; init; }

    public IReadOnlyList<string>? Variables { get; init; }
}
