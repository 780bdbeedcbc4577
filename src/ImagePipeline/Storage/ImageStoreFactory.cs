using ImagePipeline.Credentials;
using Serilog;

namespace ImagePipeline.Storage;

/// <summary>Builds the store a <see cref="StoreLocation"/> names, wrapped in <see cref="RetryingImageStore"/>.</summary>
public static class ImageStoreFactory
{
    /// <param name="credentials">Required for <see cref="StoreKind.S3"/>; ignored for a directory.</param>
    /// <exception cref="StoreException">S3 without credentials, or a refused endpoint.</exception>
    public static IImageStore Create(StoreLocation location, StoreCredentials? credentials, ILogger logger, S3StoreOptions? s3Options = null, RetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(logger);
        IImageStore store = location.Kind switch
        {
            StoreKind.Directory => new FileSystemImageStore(location.Directory!, logger),
            _ => new S3ImageStore(credentials ?? throw MissingCredentials(), s3Options ?? new S3StoreOptions(), logger),
        };
        return new RetryingImageStore(store, retry ?? new RetryOptions(), logger);
    }

    private static StoreException MissingCredentials() => new(
        "--store s3 needs credentials: set E2_ACCESS_KEY, E2_SECRET_KEY, E2_ENDPOINT and E2_BUCKET, or pass --credentials with a SOPS file.",
        key: null,
        isRetryable: false);
}
