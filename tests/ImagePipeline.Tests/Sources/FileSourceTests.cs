using ImagePipeline.Compression;
using ImagePipeline.Sources;
using ImagePipeline.Sources.Acquisition;
using ImagePipeline.Sources.Files;
using ImagePipeline.Testing;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Tests.Sources;

public sealed class FileSourceTests(SampleFiles samples) : IClassFixture<SampleFiles>, IDisposable
{
    private readonly TempDirectory _work = new("file-work");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Acquire_PlainFile_CopiesWithDigest()
    {
        var image = TestImages.File("plain", samples.RawPath, TestImages.Sha256(samples.Raw));

        var acquired = await Acquirer().AcquireAsync(image);

        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.SourceDigest);
        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.OutputDigest);
        Assert.Equal(samples.Raw, await File.ReadAllBytesAsync(acquired.Path));
    }

    [Fact]
    public async Task Acquire_ZstdFileWithSha512Validation_ComputesBothAlgorithms()
    {
        var raw512 = Checksum.FromBytes(HashAlgorithmKind.Sha512, System.Security.Cryptography.SHA512.HashData(samples.Raw));
        var image = TestImages.File("zst", samples.ZstdPath, TestImages.Sha256(samples.ZstdPath), CompressionFormat.Zstd, raw512);

        var acquired = await Acquirer().AcquireAsync(image);

        Assert.Equal(TestImages.Sha256(samples.ZstdPath), acquired.SourceDigest);
        Assert.Equal(raw512, acquired.OutputDigest);
    }

    [Fact]
    public async Task Acquire_OutputOverSizeGuard_ThrowsImageTooLarge()
    {
        var image = TestImages.File("big", samples.XzPath, TestImages.Sha256(samples.XzPath), CompressionFormat.Xz, TestImages.Sha256(samples.Raw));
        using var handler = Acquirer(FastOptions.Create() with { MaxImageSize = samples.Raw.Length - 1 });

        await Assert.ThrowsAsync<ImageTooLargeException>(() => handler.AcquireAsync(image));

        Assert.Empty(Directory.GetFiles(_work.Path));
    }

    [Fact]
    public async Task Acquire_OutputExactlyAtSizeGuard_Succeeds()
    {
        var image = TestImages.File("exact", samples.XzPath, TestImages.Sha256(samples.XzPath), CompressionFormat.Xz, TestImages.Sha256(samples.Raw));
        using var handler = Acquirer(FastOptions.Create() with { MaxImageSize = samples.Raw.Length });

        var acquired = await handler.AcquireAsync(image);

        Assert.Equal(samples.Raw.Length, acquired.Size);
    }

    [Fact]
    public async Task Acquire_MissingFile_ThrowsSourceFileException()
    {
        var image = TestImages.File("absent", _work.Combine("nope.raw"), TestImages.Sha256(samples.Raw));

        var error = await Assert.ThrowsAsync<SourceFileException>(() => Acquirer().AcquireAsync(image));

        Assert.Contains("absent", error.Message, StringComparison.Ordinal);
        Assert.Contains("nope.raw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acquire_Progress_CountsSourceAndOutputWithTotal()
    {
        var image = TestImages.File("progress", samples.XzPath, TestImages.Sha256(samples.XzPath), CompressionFormat.Xz, TestImages.Sha256(samples.Raw));
        using var acquirer = Acquirer();

        await acquirer.AcquireAsync(image);

        var last = acquirer.Progress!.Snapshot();
        Assert.Equal(new FileInfo(samples.XzPath).Length, last.SourceBytes);
        Assert.Equal(new FileInfo(samples.XzPath).Length, last.SourceTotal);
        Assert.Equal(samples.Raw.Length, last.OutputBytes);
        Assert.Equal(100.0, last.Percent);
    }

    private TestAcquirer Acquirer(ImagePipeline.Sources.AcquireOptions? options = null) => new(_work.Path, options);
}
