namespace ImagePipeline.Manifest;

/// <summary>How strictly <see cref="ManifestLoader"/> reads a manifest.</summary>
public sealed record ManifestLoadOptions
{
    /// <summary>Every rule of the manifest reference; what Validate, Sync and Prune use.</summary>
    public static ManifestLoadOptions Strict { get; } = new();

    /// <summary>What <c>Pin</c> uses: checksums may still be missing or placeholders.</summary>
    public static ManifestLoadOptions ForPinning { get; } = new() { ChecksumsOptional = true };

    /// <summary>
    /// <c>source.checksum</c> and <c>validation.expected</c> may be absent or placeholders, and
    /// <c>validation.expected</c> is not required with <c>decompress</c>. Such a checksum comes out as
    /// null (<see cref="HttpImageSource.Checksum"/>, <see cref="FileImageSource.Checksum"/>,
    /// <see cref="ImageDefinition.ExpectedOutput"/>). Every other rule still holds, a malformed digest
    /// included, and is reported the same way.
    /// </summary>
    public bool ChecksumsOptional { get; init; }

    /// <summary>
    /// Folders besides the repository root where <c>file</c> sources and packer directories may be
    /// (<c>--file-root</c>); relative ones resolve against the repository root. Every path is
    /// checked with its symbolic links resolved.
    /// </summary>
    public IReadOnlyList<string> FileRoots { get; init; } = [];
}
