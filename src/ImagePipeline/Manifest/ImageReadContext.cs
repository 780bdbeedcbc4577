using ImagePipeline.Verification;

namespace ImagePipeline.Manifest;

/// <summary>What every image entry needs from the rest of the manifest while it is read.</summary>
/// <param name="RootDirectory">Absolute repository root.</param>
/// <param name="DestinationPrefix">spec.defaults.destinationPrefix (or its default).</param>
/// <param name="DefaultAlgorithm">spec.defaults.validation.algorithm, null when not set.</param>
/// <param name="ChecksumsOptional">Loading for Pin (<see cref="ManifestLoadOptions.ChecksumsOptional"/>).</param>
/// <param name="Roots">Where file sources and packer directories may be.</param>
internal sealed record ImageReadContext(
    string RootDirectory,
    string DestinationPrefix,
    HashAlgorithmKind? DefaultAlgorithm,
    bool ChecksumsOptional,
    FileRoots Roots);
