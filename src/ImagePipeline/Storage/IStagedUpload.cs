using ImagePipeline.IO;
using ImagePipeline.Verification;

namespace ImagePipeline.Storage;

/// <summary>
/// One object being written (see <see cref="IImageStore.BeginUploadAsync"/>). Writes are sequential
/// (<see cref="IByteSink.WriteAsync"/>; <see cref="IByteSink.FlushAsync"/> ends them and waits until every byte
/// is stored, still invisible; <see cref="IByteSink.AbortAsync"/> leaves nothing behind);
/// memory stays bounded (a write waits while the store is behind). After a failure every later call
/// throws that failure; abort and disposal always clean up.
/// </summary>
public interface IStagedUpload : IByteSink
{
    string Key { get; }

    /// <summary>The digest declared at begin, which the object will be recorded with.</summary>
    Checksum Digest { get; }

    /// <summary>Bytes written so far.</summary>
    long Length { get; }

    /// <summary>
    /// Makes the object visible under <see cref="Key"/>, replacing any old one atomically, recorded with
    /// <see cref="Digest"/>. <paramref name="digest"/> is the digest the caller computed over exactly the
    /// bytes it wrote; when it differs from the declared one nothing becomes visible and a
    /// <see cref="StoreException"/> is thrown.
    /// </summary>
    Task CommitAsync(Checksum digest, CancellationToken cancellationToken);
}
