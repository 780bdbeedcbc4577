using ImagePipeline.Credentials;
using ImagePipeline.Storage;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
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
        var location = StoreLocation.Parse(isPath ? Rooted(Store) : Store);

        if (location.Kind != StoreKind.S3)
        {
            return ImageStoreFactory.Create(location, credentials: null, Log);
        }

        try
        {
            var resolver = new CredentialResolver(Env, Log);
            var credentials = await resolver.ResolveAsync(RootedOrNull(Credentials), RootedOrNull(SopsAgeKeyFile), cancellationToken);
            return ImageStoreFactory.Create(location, credentials, Log, new S3StoreOptions { Region = Region });
        }
        catch (CredentialsMissingException e) when (!required)
        {
            Log.Warning("Store not read: {Reason}", e.Message);
            return null;
        }
    }
}
