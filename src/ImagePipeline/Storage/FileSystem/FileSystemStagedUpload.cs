using ImagePipeline.Verification;

namespace ImagePipeline.Storage.FileSystem;

/// <summary>
/// A staged write into a directory store: bytes go to a locked file under <c>.staging/</c>; commit
/// fsyncs it, drops the old digest sidecar, renames the file over the target and writes the new
/// sidecar. A crash before the rename leaves only the staged file (swept by a later run); one after it
/// leaves the object without a digest — unknown, never wrong.
/// </summary>
internal sealed class FileSystemStagedUpload(
    StagingArea staging, string stagedPath, FileStream file, string target, string sidecarKey, string sidecarPath,
    StagedUploadState state, IProgress<UploadProgress>? progress) : IStagedUpload
{
    public string Key => state.Key;

    public Checksum Digest => state.Digest;

    public long Length { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        state.ThrowIfNotWritable();
        try
        {
            await file.WriteAsync(data, cancellationToken);
        }
        catch (Exception e)
        {
            state.Fail(e);
            throw;
        }

        Length += data.Length;
        progress?.Report(new UploadProgress(Key, Length));
    }

    public Task FlushAsync(CancellationToken cancellationToken)
    {
        state.ThrowIfNotWritable();
        file.Flush(flushToDisk: true);
        return Task.CompletedTask;
    }

    public async Task CommitAsync(Checksum digest, CancellationToken cancellationToken)
    {
        state.ThrowIfNotWritable();
        try
        {
            state.EnsureDigest(digest);
            file.Flush(flushToDisk: true);
            cancellationToken.ThrowIfCancellationRequested();
            // The old digest must not outlive the old bytes: drop it before the new file appears.
            StagingArea.DeleteIfExists(sidecarPath);
            StagingArea.MoveIntoPlace(stagedPath, target);
            state.MarkCommitted();
        }
        catch
        {
            await AbortAsync();
            throw;
        }

        await file.DisposeAsync();
        // Not cancellable: the image is already visible and must get its digest.
        await staging.WriteAtomicallyAsync(sidecarKey, sidecarPath, System.Text.Encoding.ASCII.GetBytes(Digest.ToString()), CancellationToken.None);
    }

    public async Task AbortAsync()
    {
        if (state.TryMarkAborted())
        {
            await file.DisposeAsync();
            StagingArea.TryDelete(stagedPath);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await AbortAsync();
        await file.DisposeAsync();
    }
}
