using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Sources;

/// <summary>
/// A disk-like raw image and its xz, gzip and zstd forms, made once per test class with the real CLIs.
/// </summary>
public sealed class SampleFiles : IDisposable
{
    private readonly TempDirectory _directory = new("samples");

    public SampleFiles()
    {
        Raw = CompressionTool.DiskLikeBytes(3 << 20);
        RawPath = _directory.Combine("disk.raw");
        File.WriteAllBytes(RawPath, Raw);
        XzPath = Make("xz", "disk.raw.xz", "-6");
        MultiBlockXzPath = Make("xz", "disk.multi.xz", "-T2", "--block-size=256KiB");
        GzipPath = Make("gzip", "disk.raw.gz", "-6");
        ZstdPath = Make("zstd", "disk.raw.zst", "-q", "-3");
    }

    public byte[] Raw { get; }

    public string RawPath { get; }

    public string XzPath { get; }

    public string MultiBlockXzPath { get; }

    public string GzipPath { get; }

    public string ZstdPath { get; }

    public string Directory => _directory.Path;

    public void Dispose() => _directory.Dispose();

    private string Make(string tool, string name, params string[] arguments)
    {
        var path = _directory.Combine(name);
        CompressionTool.Compress(tool, RawPath, path, arguments);
        return path;
    }
}
