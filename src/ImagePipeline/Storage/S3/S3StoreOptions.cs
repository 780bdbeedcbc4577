using ImagePipeline.IO;

namespace ImagePipeline.Storage.S3;

/// <summary>Tuning for <see cref="S3ImageStore"/>; the defaults suit multi-GB images on iDrive e2.</summary>
public sealed record S3StoreOptions
{
    public const long MinimumPartSize = 5 * 1024 * 1024;
    public const int MaximumPartCount = 10_000;
    public const long DefaultPartSize = 8 * 1024 * 1024;

    /// <summary>Signing region; S3-compatibles mostly accept anything, AWS needs the bucket's region.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>
    /// Bytes per multipart part. Parts are buffered in memory while in flight (about
    /// (<see cref="MaxConcurrentParts"/> + 1) × this), so it is sized to the largest image, see <see cref="PartSizeFor"/>.
    /// Objects up to one part go up in a single PutObject at commit.
    /// </summary>
    public long PartSize { get; init; } = DefaultPartSize;

    /// <summary>Parts uploaded at the same time while the image streams in.</summary>
    public int MaxConcurrentParts { get; init; } = 4;

    /// <summary>A part (or any request) moving less than this is cancelled and retried; waiting for an answer counts as no progress.</summary>
    public LowSpeedLimit LowSpeed { get; init; } = LowSpeedLimit.Default;

    /// <summary>Last-resort bound of one HTTP request (completing a large multipart upload may take a while).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Retries of one part (its bytes are still in memory); whole operations retry in <see cref="RetryingImageStore"/>.</summary>
    public RetryPolicy PartRetry { get; init; } = RetryPolicy.None;

    /// <summary>Reported after each acknowledged part (or the whole object for a single PutObject).</summary>
    public IProgress<UploadProgress>? Progress { get; init; }

    /// <summary>
    /// The part size that lets an object of <paramref name="maxObjectSize"/> fit in 10,000 parts:
    /// at least <see cref="DefaultPartSize"/>, rounded up to a whole MiB.
    /// </summary>
    public static long PartSizeFor(long maxObjectSize)
    {
        const long mebibyte = 1024 * 1024;
        var needed = (maxObjectSize + MaximumPartCount - 1) / MaximumPartCount;
        return Math.Max(DefaultPartSize, (needed + mebibyte - 1) / mebibyte * mebibyte);
    }

    internal void Validate()
    {
        if (PartSize < MinimumPartSize)
        {
            throw new ArgumentOutOfRangeException(nameof(PartSize), PartSize, $"S3 part size must be at least {MinimumPartSize} bytes (5 MiB).");
        }

        if (PartSize > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(PartSize), PartSize, "S3 part size must be below 2 GiB (parts are buffered in memory).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrentParts, 1, nameof(MaxConcurrentParts));
        ArgumentException.ThrowIfNullOrWhiteSpace(Region, nameof(Region));
    }
}
