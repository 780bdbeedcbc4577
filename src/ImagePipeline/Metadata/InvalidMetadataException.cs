namespace ImagePipeline.Metadata;

/// <summary>A stored metadata document cannot be read as <see cref="ImageMetadata"/>.</summary>
public sealed class InvalidMetadataException : ImagePipelineException
{
    public InvalidMetadataException(string key, string reason, Exception? innerException = null)
        : base($"metadata '{key}' is not a valid image metadata document: {reason}", innerException)
    {
        Key = key;
        Reason = reason;
    }

    public string Key { get; }

    public string Reason { get; }
}
