using YamlDotNet.Core;

namespace ImagePipeline.Manifest;

/// <summary>One <c>spec.images</c> entry as read, with the positions the cross-image checks point at.</summary>
/// <param name="Definition">The validated image; null when the entry had errors (already reported).</param>
internal sealed record ImageEntry(
    ImageDefinition? Definition,
    FieldScope Scope,
    string? Name,
    Mark NameMark,
    string? ObjectKey,
    Mark DestinationMark);
