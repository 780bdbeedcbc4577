using ImagePipeline.Compression;
using ImagePipeline.Sources;
using ImagePipeline.Testing;
using ImagePipeline.Tests.Sources;
using Serilog.Core;

namespace ImagePipeline.Tests.Compression;

public sealed class DecoderTests(SampleFiles samples) : IClassFixture<SampleFiles>, IDisposable
{
    private readonly TempDirectory _work = new("decoder-work");

    public static TheoryData<CompressionFormat, DecoderImplementation> FormatsAndImplementations => new()
    {
        { CompressionFormat.Xz, DecoderImplementation.Native },
        { CompressionFormat.Xz, DecoderImplementation.Managed },
        { CompressionFormat.Zstd, DecoderImplementation.Native },
        { CompressionFormat.Zstd, DecoderImplementation.Managed },
        { CompressionFormat.Gzip, DecoderImplementation.Native },
    };

    public void Dispose() => _work.Dispose();

    [Fact]
    public void NativeLibraries_OnThisMachine_AreLoaded()
    {
        var decoders = new DecoderFactory();

        Assert.True(decoders.UsesNative(CompressionFormat.Xz), "liblzma.so.5 (xz-utils) should be installed");
        Assert.True(decoders.UsesNative(CompressionFormat.Zstd), "libzstd.so.1 should be installed");
        Assert.True(decoders.UsesNative(CompressionFormat.Gzip), "libz.so.1 should be installed");
    }

    [Theory]
    [MemberData(nameof(FormatsAndImplementations))]
    public async Task Decode_ValidFile_GivesOriginalBytes(CompressionFormat format, DecoderImplementation implementation)
    {
        var decoded = await DecodeAsync(PathOf(format), format, implementation);

        Assert.Equal(samples.Raw, decoded);
    }

    [Theory]
    [InlineData(DecoderImplementation.Native)]
    [InlineData(DecoderImplementation.Managed)]
    public async Task Decode_MultiBlockXz_GivesOriginalBytes(DecoderImplementation implementation)
    {
        var decoded = await DecodeAsync(samples.MultiBlockXzPath, CompressionFormat.Xz, implementation);

        Assert.Equal(samples.Raw, decoded);
    }

    [Theory]
    [InlineData(CompressionFormat.Xz)]
    [InlineData(CompressionFormat.Zstd)]
    [InlineData(CompressionFormat.Gzip)]
    public async Task Decode_NativeAndManaged_GiveIdenticalOutput(CompressionFormat format)
    {
        var native = await DecodeAsync(PathOf(format), format, DecoderImplementation.Native);
        var managed = await DecodeAsync(PathOf(format), format, DecoderImplementation.Managed);

        Assert.Equal(native, managed);
    }

    [Fact]
    public async Task Decode_MultiMemberGzip_DecodesEveryMember()
    {
        var second = _work.Combine("second.raw");
        await File.WriteAllBytesAsync(second, "second member\n"u8.ToArray());
        CompressionTool.Compress("gzip", second, _work.Combine("second.gz"));
        var joined = _work.Combine("joined.gz");
        await File.WriteAllBytesAsync(joined, [.. await File.ReadAllBytesAsync(samples.GzipPath), .. await File.ReadAllBytesAsync(_work.Combine("second.gz"))]);

        var native = await DecodeAsync(joined, CompressionFormat.Gzip, DecoderImplementation.Native);
        var managed = await DecodeAsync(joined, CompressionFormat.Gzip, DecoderImplementation.Managed);

        Assert.Equal([.. samples.Raw, .. "second member\n"u8.ToArray()], native);
        Assert.Equal(native, managed);
    }

    [Theory]
    [MemberData(nameof(FormatsAndImplementations))]
    [InlineData(CompressionFormat.Gzip, DecoderImplementation.Managed)]
    public async Task Acquire_CorruptStream_ThrowsDecompressionExceptionNamingFormatAndImage(CompressionFormat format, DecoderImplementation implementation)
    {
        var bytes = await File.ReadAllBytesAsync(PathOf(format));
        for (var i = bytes.Length / 3; i < bytes.Length / 3 + 64; i++)
        {
            bytes[i] ^= 0x5A;
        }

        var error = await AcquireBrokenAsync(bytes, format, implementation);

        Assert.Equal(format, error.Format);
        Assert.Contains("broken: corrupt " + DecompressionException.FormatName(format), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FormatsAndImplementations))]
    public async Task Acquire_TruncatedStream_ThrowsDecompressionException(CompressionFormat format, DecoderImplementation implementation)
    {
        var bytes = await File.ReadAllBytesAsync(PathOf(format));

        var error = await AcquireBrokenAsync(bytes[..(bytes.Length / 2)], format, implementation);

        Assert.Equal(format, error.Format);
    }

    [Fact]
    public async Task Acquire_GarbageAfterStream_ThrowsDecompressionException()
    {
        var bytes = await File.ReadAllBytesAsync(samples.XzPath);

        var error = await AcquireBrokenAsync([.. bytes, .. "trailing garbage"u8.ToArray()], CompressionFormat.Xz, DecoderImplementation.Native);

        Assert.Equal(CompressionFormat.Xz, error.Format);
    }

    private async Task<DecompressionException> AcquireBrokenAsync(byte[] bytes, CompressionFormat format, DecoderImplementation implementation)
    {
        var path = _work.Combine("broken.input");
        await File.WriteAllBytesAsync(path, bytes);
        var image = TestImages.File("broken", path, TestImages.Sha256(bytes), format, TestImages.Sha256(samples.Raw));
        var output = _work.Combine("out");
        using var acquirer = new TestAcquirer(output, Options(implementation));

        var error = await Assert.ThrowsAsync<DecompressionException>(() => acquirer.AcquireAsync(image));

        Assert.Empty(Directory.GetFiles(output));
        return error;
    }

    private static async Task<byte[]> DecodeAsync(string path, CompressionFormat format, DecoderImplementation implementation)
    {
        var decoders = new DecoderFactory(new DecoderOptions(implementation));
        Assert.Equal(implementation == DecoderImplementation.Native, decoders.UsesNative(format));
        await using var input = File.OpenRead(path);
        await using var decoder = decoders.Open(format, input, "sample");
        using var output = new MemoryStream();
        await decoder.CopyToAsync(output);
        return output.ToArray();
    }

    private static AcquireOptions Options(DecoderImplementation implementation) =>
        FastOptions.Create() with { Decoder = new DecoderOptions(implementation) };

    private string PathOf(CompressionFormat format) => format switch
    {
        CompressionFormat.Xz => samples.XzPath,
        CompressionFormat.Gzip => samples.GzipPath,
        _ => samples.ZstdPath,
    };
}
