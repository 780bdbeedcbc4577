using System.Reflection;
using ImagePipeline.Manifest;
using ImagePipeline.Sources;

namespace ImagePipeline.Metadata;

/// <summary>Builds the metadata document for a verified, uploaded image.</summary>
public static class ImageMetadataFactory
{
    public static string ToolVersion { get; } =
        typeof(ImageMetadataFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    public static ImageMetadata Create(ImageDefinition image, AcquiredImage acquired, DateTimeOffset uploadedAt) => new()
    {
        Name = image.Name,
        Checksum = acquired.OutputDigest.ToString(),
        Size = acquired.Size,
        UploadedAt = uploadedAt.ToUniversalTime(),
        Source = Describe(image.Source),
        SourceChecksum = acquired.SourceDigest?.ToString(),
        Fingerprint = acquired.Fingerprint,
        ToolVersion = ToolVersion,
    };

    private static MetadataSource Describe(ImageSource source) => source switch
    {
        HttpImageSource http => new MetadataSource { Type = http.Type, Url = http.Url.ToString() },
        FileImageSource file => new MetadataSource { Type = file.Type, Path = file.Path },
        // Variable names only: values may be secrets.
        PackerImageSource packer => new MetadataSource { Type = packer.Type, Path = packer.Path, Variables = [.. packer.Variables.Keys.Order(StringComparer.Ordinal)] },
        _ => throw new ArgumentOutOfRangeException(nameof(source), source.Type, "unknown source type"),
    };
}
