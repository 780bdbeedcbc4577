using ImagePipeline.Metadata;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    readonly DateTimeOffset _startedAt = DateTimeOffset.UtcNow;

    async Task UploadAsync(string name, CancellationToken cancellationToken)
    {
        var image = LoadedManifest.Find(name)!;
        var acquired = _acquired[name];
        var store = (await OpenStoreAsync(required: true, cancellationToken))!;
        // A run killed mid-upload leaves an incomplete multipart upload of this key behind; the
        // workflow's concurrency group means no other run is uploading it now. Only uploads begun
        // before this run started are aborted: the key is a prefix, and a parallel member of this
        // run may be uploading a longer key (x.raw beside x.raw.sig) right now.
        var aborted = await store.AbortIncompleteUploadsAsync(image.ObjectKey, DateTimeOffset.UtcNow - _startedAt, cancellationToken);
        if (aborted > 0)
        {
            Log.Information("{Image}: aborted {Count} incomplete upload(s) left by an interrupted run", name, aborted);
        }

        await store.UploadAsync(image.ObjectKey, acquired.Path, acquired.OutputDigest, cancellationToken);
        Log.Information("{Image}: uploaded {Key} ({Size})", name, image.ObjectKey, ByteSize.Format(acquired.Size));
    }

    async Task WriteMetadataAsync(string name, CancellationToken cancellationToken)
    {
        var image = LoadedManifest.Find(name)!;
        var acquired = _acquired[name];
        var store = (await OpenStoreAsync(required: true, cancellationToken))!;
        var metadata = ImageMetadataFactory.Create(image, acquired, DateTimeOffset.UtcNow);
        await store.WriteMetadataAsync(image.MetadataKey, metadata, cancellationToken);
        Log.Information("{Image}: metadata written to {Key}", name, image.MetadataKey);
        DeleteWorkFiles(name);
    }
}
