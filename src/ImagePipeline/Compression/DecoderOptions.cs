namespace ImagePipeline.Compression;

/// <summary>Tuning of the decoders.</summary>
/// <param name="Implementation">Native or managed decoders.</param>
/// <param name="Threads">Decoder threads for multi-block xz files (liblzma only).</param>
/// <param name="ThreadingMemoryLimit">Above this, liblzma decodes single-threaded instead
/// (it keeps whole blocks in memory per thread).</param>
/// <param name="MemoryLimit">The decoder fails rather than use more than this (a hostile header
/// can ask for a huge dictionary).</param>
public sealed record DecoderOptions(
    DecoderImplementation Implementation = DecoderImplementation.Auto,
    int Threads = 0,
    long ThreadingMemoryLimit = 128L << 20,
    long MemoryLimit = 1L << 30)
{
    public static DecoderOptions Default { get; } = new();

    /// <summary><see cref="Threads"/>, or the processor count when it is 0.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
