using ImagePipeline.Compression;
using ImagePipeline.Sources;
using ImagePipeline.Testing;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Tests.Sources;

public sealed class FileSourceHandlerTests(SampleFiles samples) : IClassFixture<SampleFiles>, IDisposable
{
    private readonly TempDirectory _work = new("file-work");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Acquire_PlainFile_CopiesWithDigest()
    {
        var image = TestImages.File("plain", samples.RawPath, TestImages.Sha256(samples.Raw));

        var acquired = await new FileSourceHandler(FastOptions.Create(), Logger.None).AcquireAsync(image, _work.Path, CancellationToken.None);

        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.SourceDigest);
        Assert.Equal(TestImages.Sha256(samples.Raw), acquired.OutputDigest);
        Assert.Equal(samples.Raw, await File.ReadAllBytesAsync(acquired.Path));
        Assert.Equal(WorkFiles.OutputPath(_work.Path, image), acquired.Path);
    }

    [Fact]
    public async Task Acquire_ZstdFileWithSha512Validation_ComputesBothAlgorithms()
    {
        var raw512 = Checksum.FromBytes(HashAlgorithmKind.Sha512, System.Security.Cryptography.SHA512.HashData(samples.Raw));
        var image = TestImages.File("zst", samples.ZstdPath, TestImages.Sha256(samples.ZstdPath), CompressionFormat.Zstd, raw512);

        var acquired = await new FileSourceHandler(FastOptions.Create(), Logger.None).AcquireAsync(image, _work.Path, CancellationToken.None);

        Assert.Equal(TestImages.Sha256(samples.ZstdPath), acquired.SourceDigest);
        Assert.Equal(raw512, acquired.OutputDigest);
    }

    [Fact]
    public async Task Acquire_OutputOverSizeGuard_ThrowsImageTooLarge()
    {
        var image = TestImages.File("big", samples.XzPath, TestImages.Sha256(samples.XzPath), CompressionFormat.Xz, TestImages.Sha256(samples.Raw));
        var handler = new FileSourceHandler(FastOptions.Create() with { MaxImageSize = samples.Raw.Length - 1 }, Logger.None);

        await Assert.ThrowsAsync<ImageTooLargeException>(() => handler.AcquireAsync(image, _work.Path, CancellationToken.None));

        Assert.Empty(Directory.GetFiles(_work.Path));
    }

    [Fact]
    public async Task Acquire_OutputExactlyAtSizeGuard_Succeeds()
    {
        var image = TestImages.File("exact", samples.XzPath, TestImages.Sha256(samples.XzPath), CompressionFormat.Xz, TestImages.Sha256(samples.Raw));
        var handler = new FileSourceHandler(FastOptions.Create() with { MaxImageSize = samples.Raw.Length }, Logger.None);

        var acquired = await handler.AcquireAsync(image, _work.Path, CancellationToken.None);

        Assert.Equal(samples.Raw.Length, acquired.Size);
    }

    [Fact]
    public async Task Acquire_MissingFile_ThrowsSourceFileException()
    {
        var image = TestImages.File("absent", _work.Combine("nope.raw"), TestImages.Sha256(samples.Raw));

        var error = await Assert.ThrowsAsync<SourceFileException>(
            () => new FileSourceHandler(FastOptions.Create(), Logger.None).AcquireAsync(image, _work.Path, CancellationToken.None));

        Assert.Contains("absent", error.Message, StringComparison.Ordinal);
        Assert.Contains("nope.raw", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acquire_Progress_ReportsCompletionWithTotal()
    {
        var samplesSeen = new List<AcquireProgress>();
        var image = TestImages.File("progress", samples.RawPath, TestImages.Sha256(samples.Raw));
        var handler = new FileSourceHandler(FastOptions.Create(), Logger.None, new SynchronousProgress(samplesSeen.Add));

        await handler.AcquireAsync(image, _work.Path, CancellationToken.None);

        var last = samplesSeen[^1];
        Assert.True(last.Completed);
        Assert.Equal(samples.Raw.Length, last.BytesRead);
        Assert.Equal(100.0, last.Percent);
    }

    private sealed class SynchronousProgress(Action<AcquireProgress> report) : IProgress<AcquireProgress>
    {
        public void Report(AcquireProgress value) => report(value);
    }
}
