using ImagePipeline.Layout;
using ImagePipeline.Verification;

namespace ImagePipeline.Manifest;

/// <summary>One entry of <c>spec.images</c>, validated.</summary>
/// <param name="Name">Lowercase letters, digits, '.' and '-', at most 63 characters.</param>
/// <param name="Source">Where the bytes come from.</param>
/// <param name="DestinationPath">destination.path: relative, forward slashes, no '..'.</param>
/// <param name="ObjectKey">Store key of the image: destination prefix + destination path.</param>
/// <param name="ValidationAlgorithm">Algorithm of the published (post-decompression) digest.</param>
/// <param name="ExpectedOutput">Digest the published file must have; null for packer images,
/// whose digest is only known after the build.</param>
/// <param name="Line">1-based line of the entry in the manifest, for annotations.</param>
public sealed record ImageDefinition(
    string Name,
    ImageSource Source,
    string DestinationPath,
    string ObjectKey,
    HashAlgorithmKind ValidationAlgorithm,
    Checksum? ExpectedOutput,
    int Line)
{
    /// <summary>Store key of the image's metadata JSON (<see cref="StoreLayout.MetadataKeyFor"/>).</summary>
    public string MetadataKey => StoreLayout.MetadataKeyFor(ObjectKey);

    /// <summary>The <c>destinationPrefix</c> the image was published under (its key without <see cref="DestinationPath"/>).</summary>
    public string DestinationPrefix => ObjectKey[..^DestinationPath.Length];
}
