using ImagePipeline.Compression;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Compression;

/// <summary>
/// Both decoder families over every case of <see cref="DecoderCorpus"/>: good inputs decode to
/// what the real tool's <c>-dc</c> writes, bad ones (which the real tool rejects too) fail with
/// <see cref="DecompressionException"/> from the decoder itself, before any trailing-data check
/// of the pipeline.
/// </summary>
public sealed class StrictDecoderTests(DecoderCorpus corpus) : IClassFixture<DecoderCorpus>
{
    public static TheoryData<string, DecoderImplementation> CasesAndImplementations()
    {
        var data = new TheoryData<string, DecoderImplementation>();
        foreach (var @case in DecoderCorpus.Cases)
        {
            data.Add(@case.Name, DecoderImplementation.Native);
            if (@case.Name != XzCases.NeedsLiblzma)
            {
                data.Add(@case.Name, DecoderImplementation.Managed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CasesAndImplementations))]
    public async Task Decode_PeerStyleCase_MatchesTheRealTool(string name, DecoderImplementation implementation)
    {
        var @case = DecoderCorpus.Case(name);
        var path = corpus.Write(@case);
        var (exitCode, expected) = CompressionTool.Decompress(@case.Tool, path);
        Assert.True(@case.Good == (exitCode == 0), $"{@case.Tool} -dc exits {exitCode} on {name}, so the case is mislabelled");

        if (@case.Good)
        {
            Assert.Equal(expected, await DecodeAsync(path, @case.Format, implementation));
        }
        else
        {
            var error = await Assert.ThrowsAsync<DecompressionException>(() => DecodeAsync(path, @case.Format, implementation));
            Assert.Equal(@case.Format, error.Format);
        }
    }

    [Fact]
    public async Task Decode_ManagedXzWithTheArm64Filter_RefusesNamingThePackage()
    {
        var path = corpus.Write(DecoderCorpus.Case(XzCases.NeedsLiblzma));

        var error = await Assert.ThrowsAsync<DecompressionException>(() => DecodeAsync(path, CompressionFormat.Xz, DecoderImplementation.Managed));

        Assert.Contains("ARM64 filter is not available in the managed xz decoder; install liblzma5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CompressionFormat.Xz, "liblzma5")]
    [InlineData(CompressionFormat.Gzip, "zlib1g")]
    [InlineData(CompressionFormat.Zstd, "libzstd1")]
    public void Open_NativeWithoutTheSystemLibrary_NamesTheDebianPackage(CompressionFormat format, string package)
    {
        var decoders = new DecoderFactory(new DecoderOptions(DecoderImplementation.Native), _ => false);

        var error = Assert.Throws<DecoderUnavailableException>(() => decoders.Open(format, Stream.Null, "talos"));

        Assert.StartsWith("talos: decoding " + DecompressionException.FormatName(format), error.Message, StringComparison.Ordinal);
        Assert.Contains($"apt-get install {package}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CompressionFormat.Xz)]
    [InlineData(CompressionFormat.Gzip)]
    [InlineData(CompressionFormat.Zstd)]
    public async Task Open_AutoWithoutTheSystemLibrary_FallsBackToTheStrictManagedDecoder(CompressionFormat format)
    {
        var @case = DecoderCorpus.Cases.First(c => c.Format == format && c.Good);
        var decoders = new DecoderFactory(DecoderOptions.Default, _ => false);
        await using var input = File.OpenRead(corpus.Write(@case));

        await using var decoder = decoders.Open(format, input, "talos");
        using var output = new MemoryStream();
        await decoder.CopyToAsync(output);

        Assert.False(decoders.UsesNative(format));
        Assert.Equal(corpus.Raw, output.ToArray());
    }

    private static async Task<byte[]> DecodeAsync(string path, CompressionFormat format, DecoderImplementation implementation)
    {
        var decoders = new DecoderFactory(new DecoderOptions(implementation));
        await using var input = File.OpenRead(path);
        await using var decoder = decoders.Open(format, input, "peer");
        using var output = new MemoryStream();
        await decoder.CopyToAsync(output);
        return output.ToArray();
    }
}
