using System.Reflection;
using ImagePipeline.Manifest;
using ImagePipeline.Sources;
using ImagePipeline.Sources.Http;

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
        DestinationPrefix = image.DestinationPrefix,
        Checksum = acquired.OutputDigest,
        Size = acquired.Size,
        UploadedAt = uploadedAt.ToUniversalTime(),
        Source = Describe(image.Source),
        SourceChecksum = acquired.SourceDigest,
        Fingerprint = acquired.Fingerprint,
        BuiltWith = acquired.Built?.ToolVersion is { } version ? "packer " + version : null,
        ToolVersion = ToolVersion,
    };

    private static MetadataSource Describe(ImageSource source) => source switch
    {
        // What a consumer can use without secrets: no user info, no query (often a token).
        HttpImageSource http => new MetadataSource { Type = http.Type, Url = UrlDisplay.Strip(http.Url).ToString() },
        FileImageSource file => new MetadataSource { Type = file.Type, Path = file.Path },
        // Variable names only: values may be secrets.
        PackerImageSource packer => new MetadataSource { Type = packer.Type, Path = packer.Path, Variables = [.. packer.Variables.Keys.Order(StringComparer.Ordinal)] },
        _ => throw new ArgumentOutOfRangeException(nameof(source), source.Type, "unknown source type"),
    };
}
