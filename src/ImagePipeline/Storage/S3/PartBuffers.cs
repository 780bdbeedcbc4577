using System.Collections.Concurrent;

namespace ImagePipeline.Storage.S3;

/// <summary>
/// The part buffers of one upload: at most one per part in flight plus the one being filled, reused
/// part after part and dropped with the upload. Not the shared ArrayPool: it keeps returned multi-MiB
/// arrays per core and per thread, which on a long upload grew the resident set well past the parts
/// actually in flight.
/// </summary>
internal sealed class PartBuffers(int partSize)
{
    private readonly ConcurrentBag<byte[]> _free = [];

    public byte[] Take() => _free.TryTake(out var buffer) ? buffer : GC.AllocateUninitializedArray<byte>(partSize);

    public void Return(byte[] buffer) => _free.Add(buffer);
}
