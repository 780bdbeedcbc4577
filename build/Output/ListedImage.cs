using System.Text.Json;

namespace ImagePipeline.Build.Output;

/// <summary>One row of <c>List</c> (also its JSON shape).</summary>
internal sealed record ListedImage(string Key, long Size, string? Checksum, DateTimeOffset? UploadedAt, string? SourceType, bool Managed)
{
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
