using ImagePipeline.Metadata;
using ImagePipeline.Storage;

namespace ImagePipeline.Layout;

/// <summary>One image key of a <see cref="StoreInventory"/>: the object, its metadata, or both.</summary>
/// <param name="Key">Image key, e.g. <c>images/talos/1.9.1/metal-amd64.raw</c>.</param>
/// <param name="Stored">The stored object; null when only its metadata is there (missing, or an interrupted prune).</param>
/// <param name="MetadataObject">Its metadata document as listed, when one exists; else null.</param>
/// <param name="Metadata">The document, when it could be read.</param>
/// <param name="MetadataProblem">Why the document could not be read as metadata (empty, invalid); else null.</param>
public sealed record InventoryEntry(string Key, StoredObject? Stored, StoredObject? MetadataObject, ImageMetadata? Metadata, string? MetadataProblem)
{
    public string? MetadataKey => MetadataObject?.Key;

    /// <summary>Published by this tool: a readable metadata document describes it.</summary>
    public bool IsManaged => Metadata is not null;

    /// <summary>A symbolic link in a directory store (never followed, never an image).</summary>
    public bool IsLink => Stored?.LinkTarget is not null;
}
