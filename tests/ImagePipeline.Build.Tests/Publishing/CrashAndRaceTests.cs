using System.Security.Cryptography;
using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Publishing;

/// <summary>
/// A directory store under a killed run and under two runs of one checkout: bytes are staged in the
/// store's hidden <c>.staging/</c> folder and only renamed into <c>images/</c> once verified, so a
/// kill -9 leaves nothing visible and the next run removes what it left; a second run publishing the
/// same image fails that image clearly instead of publishing mixed bytes. The image comes over local HTTPS and its
/// first download stalls after 16 MiB, so the run is certainly mid-stream, with bytes staged, when the test acts (a
/// file source was copied so fast on an idle machine that the run could end between two looks).
/// </summary>
public sealed class CrashAndRaceTests : IAsyncLifetime, IDisposable
{
    private readonly TestRepository _repo = new();
    private HttpsTestServer _server = null!;

    public async Task InitializeAsync() => _server = await HttpsTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _repo.Dispose();

    private string Store => _repo.Combine("store");

    [Fact]
    public async Task Sync_KilledWhileStreamingIntoADirectory_LeavesNothingVisibleAndTheNextRunCleansUp()
    {
        var bytes = WriteManifest("big", 64 << 20, stall: TimeSpan.FromMinutes(2));

        using (var child = BuildProcess.Start(_repo, "Sync", "--store", Store))
        {
            await BuildProcess.WaitUntilAsync(child, () => Task.FromResult(ImageBytesStaged()), "bytes were staged");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        Assert.False(Directory.Exists(Path.Combine(Store, "images")));
        Assert.False(Directory.Exists(Path.Combine(Store, "metadata")));
        Assert.NotEmpty(StagedFiles());

        var next = await _repo.RunAsync("Sync", "--store", Store);

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Contains("Removed 1 upload(s) that an interrupted run left staged", next.Output, StringComparison.Ordinal);
        Assert.Empty(StagedFiles());
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Store, "images", "big", "big.raw"))));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_repo.Combine(".nuke", "temp", "runs")));
    }

    [Fact]
    public async Task Sync_TwoRunsOfOneImageInOneCheckout_TheSecondFailsThatImageAndNothingIsMixed()
    {
        var bytes = WriteManifest("big", 64 << 20, stall: TimeSpan.FromSeconds(8)); // then the first run resumes and ends
        using var first = BuildProcess.Start(_repo, "Sync", "--store", Store);
        await BuildProcess.WaitUntilAsync(first, () => Task.FromResult(ImageBytesStaged()), "bytes were staged");

        var second = await _repo.RunAsync("Sync", "--store", Store);
        await first.WaitForExitAsync();

        Assert.Equal(BuildResult.TargetFailed, second.ExitCode);
        Assert.Contains("another run in this checkout is publishing big right now", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(SHA256.HashData(bytes), SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Store, "images", "big", "big.raw"))));
        Assert.Empty(StagedFiles());
    }

    /// <summary>The image's own staged file has bytes (not the store check's probe, which comes and goes).</summary>
    private bool ImageBytesStaged() =>
        StagedFiles().Select(f => new FileInfo(f)).Any(f => f.Name.StartsWith("big.raw~", StringComparison.Ordinal) && f.Exists && f.Length > 0);

    private IEnumerable<string> StagedFiles() =>
        Directory.Exists(Path.Combine(Store, ".staging"))
            ? Directory.EnumerateFiles(Path.Combine(Store, ".staging"), "*", SearchOption.AllDirectories)
            : [];

    /// <summary>
    /// An image over HTTPS whose first download (after Validate's HEAD) stalls for <paramref name="stall"/> after 16 MiB
    /// and then ends; the retry resumes from there.
    /// </summary>
    private byte[] WriteManifest(string name, int size, TimeSpan stall)
    {
        var bytes = new byte[size];
        new Random(7).NextBytes(bytes);
        var path = $"/{Guid.NewGuid():N}/{name}.raw";
        _server.Map(path, new TestRoute { Content = bytes, StallAfter = 16 << 20, StallDuration = stall, FaultyResponses = 2 });
        _repo.Environment["SSL_CERT_FILE"] = _server.CertificatePemPath;
        _repo.Write("images/images.yaml", $"""
            apiVersion: images.lab.gilman.io/v1alpha1
            kind: ImageManifest
            metadata:
              name: crash
            spec:
              images:
                - name: {name}
                  source:
                    type: http
                    url: {_server.Url(path)}
                    checksum: {TestImages.Sha256(bytes)}
                  destination:
                    path: {name}/{name}.raw
            """);
        return bytes;
    }
}
