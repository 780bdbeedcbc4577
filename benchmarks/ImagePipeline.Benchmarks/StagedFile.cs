using ImagePipeline.Storage;
using ImagePipeline.Verification;

namespace ImagePipeline.Benchmarks;

/// <summary>Publishes a local file through a staged upload, as the product does with a packer artifact.</summary>
internal static class StagedFile
{
    public static async Task UploadAsync(IImageStore store, string key, string path, Checksum digest, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        await using var upload = await store.BeginUploadAsync(key, digest, cancellationToken);
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        int read;
        while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await upload.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        await upload.CommitAsync(digest, cancellationToken);
    }
}
