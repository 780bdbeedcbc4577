namespace ImagePipeline.Compression.Managed.Xz;

/// <summary>The xz container breaks a rule of the format; becomes a <see cref="DecompressionException"/>.</summary>
internal sealed class XzFormatException(string reason) : Exception(reason);
