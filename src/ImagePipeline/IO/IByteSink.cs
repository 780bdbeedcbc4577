namespace ImagePipeline.IO;

/// <summary>
/// Where the acquisition pipeline sends an image's bytes: a store's staged upload, or nowhere (Pin only
/// needs the digests). Writes are sequential; <see cref="FlushAsync"/> ends them; <see cref="AbortAsync"/>
/// and disposal throw away what was written.
/// </summary>
public interface IByteSink : IAsyncDisposable
{
    /// <summary>Appends bytes; may return before they are stored, but never keeps <paramref name="data"/> after it returns.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Waits until every byte written is stored.</summary>
    Task FlushAsync(CancellationToken cancellationToken);

    /// <summary>Discards what was written. Idempotent.</summary>
    Task AbortAsync();
}
