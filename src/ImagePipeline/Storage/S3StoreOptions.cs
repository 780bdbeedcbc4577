namespace ImagePipeline.Storage;

/// <summary>Tuning for <see cref="S3ImageStore"/>; the defaults suit multi-GB images on iDrive e2.</summary>
public sealed record S3StoreOptions
{
    public const long MinimumPartSize = 5 * 1024 * 1024;
    public const int MaximumPartCount = 10_000;

    /// <summary>Signing region; S3-compatibles mostly accept anything, AWS needs the bucket's region.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Bytes per multipart part (raised automatically when a file would need over 10,000 parts).</summary>
    public long PartSize { get; init; } = 64L * 1024 * 1024;

    /// <summary>Files larger than this go multipart; smaller ones in a single PutObject.</summary>
    public long MultipartThreshold { get; init; } = 64L * 1024 * 1024;

    /// <summary>Parts uploaded at the same time.</summary>
    public int MaxConcurrentParts { get; init; } = 4;

    /// <summary>Per HTTP request; one part must fit in it on a slow uplink.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Reported after each completed part (or the whole object for a single PutObject).</summary>
    public IProgress<UploadProgress>? Progress { get; init; }

    internal void Validate()
    {
        if (PartSize < MinimumPartSize)
        {
            throw new ArgumentOutOfRangeException(nameof(PartSize), PartSize, $"S3 part size must be at least {MinimumPartSize} bytes (5 MiB).");
        }

        if (MultipartThreshold < MinimumPartSize)
        {
            throw new ArgumentOutOfRangeException(nameof(MultipartThreshold), MultipartThreshold, $"S3 multipart threshold must be at least {MinimumPartSize} bytes (5 MiB).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentParts, 1, nameof(MaxConcurrentParts));
        ArgumentException.ThrowIfNullOrWhiteSpace(Region, nameof(Region));
    }
}
