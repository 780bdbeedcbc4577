using ImagePipeline.Credentials;
using ImagePipeline.Storage.FileSystem;
using ImagePipeline.Storage.S3;
using Serilog;

namespace ImagePipeline.Storage;

/// <summary>Builds the store a <see cref="StoreLocation"/> names, wrapped in <see cref="RetryingImageStore"/>.</summary>
public static class ImageStoreFactory
{
    /// <param name="credentials">Required for <see cref="StoreKind.S3"/>; ignored for a directory.</param>
    /// <exception cref="StoreException">S3 without credentials, or a refused endpoint.</exception>
    public static IImageStore Create(
        StoreLocation location, StoreCredentials? credentials, ILogger logger, S3StoreOptions? s3Options = null,
        RetryOptions? retry = null, IProgress<UploadProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(logger);
        var policy = new RetryPolicy(retry ?? new RetryOptions(), logger);
        IImageStore store = location.Kind switch
        {
            StoreKind.Directory => new FileSystemImageStore(location.Directory!, logger, progress),
            _ => new S3ImageStore(
                credentials ?? throw MissingCredentials(),
                (s3Options ?? new S3StoreOptions()) with { PartRetry = policy, Progress = progress },
                logger),
        };
        return new RetryingImageStore(store, policy);
    }

    private static StoreException MissingCredentials() => new(
        "The S3 store needs credentials: set E2_ACCESS_KEY, E2_SECRET_KEY, E2_ENDPOINT and E2_BUCKET, or give a SOPS credentials file.",
        key: null,
        isRetryable: false);
}
