using ImagePipeline.Testing;
using ImagePipeline.Verification;

namespace ImagePipeline.Build.Tests.Pin;

/// <summary>
/// Per test class: a real HTTPS server on 127.0.0.1 and a disk-like image compressed with the real
/// <c>xz</c> CLI, with their digests computed independently of the pipeline.
/// </summary>
public sealed class PinSources : IAsyncLifetime
{
    public HttpsTestServer Server { get; private set; } = null!;

    public byte[] Raw { get; } = CompressionTool.DiskLikeBytes(512 * 1024, seed: 7);

    public byte[] Xz { get; private set; } = [];

    public Checksum RawSha256 => TestImages.Sha256(Raw);

    public Checksum XzSha256 => TestImages.Sha256(Xz);

    public async Task InitializeAsync()
    {
        using (var directory = new TempDirectory("pin-sources"))
        {
            var raw = directory.Combine("disk.raw");
            await File.WriteAllBytesAsync(raw, Raw);
            CompressionTool.Compress("xz", raw, directory.Combine("disk.raw.xz"), "-6");
            Xz = await File.ReadAllBytesAsync(directory.Combine("disk.raw.xz"));
        }

        Server = await HttpsTestServer.StartAsync();
    }

    /// <summary>Serves the xz file at a fresh path; the route records the requests.</summary>
    public (Uri Url, TestRoute Route) ServeXz()
    {
        var path = $"/{Guid.NewGuid():N}/disk.raw.xz";
        var route = Server.Map(path, new TestRoute { Content = Xz });
        return (Server.Url(path), route);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
