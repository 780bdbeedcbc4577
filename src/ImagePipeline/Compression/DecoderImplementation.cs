namespace ImagePipeline.Compression;

/// <summary>Which decoder implementation to use (<c>--decoder</c>).</summary>
public enum DecoderImplementation
{
    /// <summary>The system library (liblzma, libzstd, zlib) when it can be loaded; else the managed decoder.</summary>
    Auto,

    /// <summary>The system library; fails when it cannot be loaded.</summary>
    Native,

    /// <summary>The managed decoders, even where the system library loads.</summary>
    Managed,
}
