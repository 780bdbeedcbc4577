using System.Text.Json;
using System.Text.Json.Serialization;
using ImagePipeline.Layout;

namespace ImagePipeline.Build.Output;

/// <summary>One row of <c>List</c> (also its JSON shape; <c>link</c> and <c>metadataProblem</c> only when set).</summary>
internal sealed record ListedImage(
    string Key, long Size, string? Checksum, DateTimeOffset? UploadedAt, string? SourceType, bool Managed, string? Link, string? MetadataProblem)
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ListedImage From(InventoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var obj = entry.Stored ?? throw new ArgumentException("List shows stored objects only.", nameof(entry));
        return new ListedImage(entry.Key, obj.Size, (entry.Metadata?.Checksum ?? obj.Digest)?.ToString(), entry.Metadata?.UploadedAt,
            entry.Metadata?.Source.Type, entry.IsManaged, obj.LinkTarget, entry.MetadataProblem);
    }

    /// <summary>What the table's last column says: the source type, or why there is none.</summary>
    public string Origin =>
        Link is not null ? $"(link -> {Link})"
        : MetadataProblem is not null ? "(metadata unreadable)"
        : Managed ? SourceType ?? "-"
        : "(unmanaged)";
}
