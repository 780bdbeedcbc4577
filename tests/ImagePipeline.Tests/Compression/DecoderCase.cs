using ImagePipeline.Compression;

namespace ImagePipeline.Tests.Compression;

/// <summary>One compressed input of <see cref="DecoderCorpus"/>: good ones decode, bad ones must fail.</summary>
/// <param name="Make">Builds the compressed bytes from the corpus's tool output.</param>
public sealed record DecoderCase(string Name, CompressionFormat Format, bool Good, Func<DecoderCorpus, byte[]> Make)
{
    public string Tool => DecompressionException.FormatName(Format);

    public override string ToString() => Name;
}
