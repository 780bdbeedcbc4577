namespace ImagePipeline.Compression.Managed.Xz;

/// <summary>One filter of a block's chain: its ID and properties as stored.</summary>
internal sealed record XzFilter(ulong Id, byte[] Properties);
