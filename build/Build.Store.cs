using ImagePipeline.Storage.S3;
using ImagePipeline.Credentials;
using ImagePipeline.Engine;
using ImagePipeline.Storage;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    static bool LooksLikeAPath(string value) =>
        value.StartsWith('/') || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal)
        || value.StartsWith('~') || value.Contains('/', StringComparison.Ordinal);

    readonly Lock _storeGate = new();
    Task<IImageStore?>? _store;

    /// <summary>
    /// Opens the store once per run (parallel image chains share it). Without credentials: a usage
    /// error when the store is <paramref name="required"/>, otherwise null (a dry run then reports
    /// the store state as unknown).
    /// </summary>
    Task<IImageStore?> OpenStoreAsync(bool required, CancellationToken cancellationToken)
    {
        lock (_storeGate)
        {
            if (_store is null || (required && _store.IsCompletedSuccessfully && _store.Result is null))
            {
                _store = CreateStoreAsync(required, cancellationToken);
            }

            return _store;
        }
    }

    async Task<IImageStore?> CreateStoreAsync(bool required, CancellationToken cancellationToken)
    {
        var isPath = !Store.Equals("s3", StringComparison.OrdinalIgnoreCase) && !Store.Contains("://", StringComparison.Ordinal);
        if (isPath && !LooksLikeAPath(Store) && !Directory.Exists(Rooted(Store)))
        {
            // "--store s33" is a typo of s3 far more often than a wish for a folder named s33.
            throw new UsageException(
                $"--store '{Store}' is neither 's3' nor an existing directory; write a new directory as ./{Store} or an absolute path (or file:///…).");
        }

        var location = StoreLocation.Parse(isPath ? Rooted(Store) : Store);
        if (location.Kind != StoreKind.S3)
        {
            return ImageStoreFactory.Create(location, credentials: null, Log, progress: _board);
        }

        try
        {
            var resolver = new CredentialResolver(Env, Log);
            var credentials = await resolver.ResolveAsync(RootedOrNull(Credentials), RootedOrNull(SopsAgeKeyFile), cancellationToken);
            RegisterSecret(credentials.SecretKey);
            var options = new S3StoreOptions { Region = Region, PartSize = S3StoreOptions.PartSizeFor(ParseSize(MaxImageSize, "--max-image-size")), LowSpeed = LowSpeed };
            return ImageStoreFactory.Create(location, credentials, Log, options, progress: _board);
        }
        catch (CredentialsMissingException e) when (!required)
        {
            Log.Warning("Store not read: {Reason}", e.Message);
            return null;
        }
    }
}
