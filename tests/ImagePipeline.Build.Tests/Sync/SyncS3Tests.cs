using System.Diagnostics;
using Amazon.S3.Model;
using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Sync;

/// <summary>Sync, List and Prune against a real S3-compatible server (Ceph RGW) with E2_* credentials.</summary>
[Collection(RgwGroup.Name)]
public sealed class SyncS3Tests(RgwFixture rgw) : IAsyncLifetime, IDisposable
{
    private const string Manifest = "examples/quickstart/images.yaml";
    private readonly TestRepository _repo = new();
    private RgwBucket _bucket = null!;
    private HttpsTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _bucket = await RgwBucket.CreateAsync(rgw);
        _server = await HttpsTestServer.StartAsync();
        _repo.Environment["SSL_CERT_FILE"] = _server.CertificatePemPath;
        _repo.CopyFromRepository("examples/quickstart");
        _repo.Environment["E2_ACCESS_KEY"] = rgw.AccessKey;
        _repo.Environment["E2_SECRET_KEY"] = rgw.SecretKey;
        _repo.Environment["E2_ENDPOINT"] = rgw.Endpoint.ToString();
        _repo.Environment["E2_BUCKET"] = _bucket.Name;
    }

    public async Task DisposeAsync()
    {
        await _bucket.DisposeAsync();
        await _server.DisposeAsync();
    }

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Sync_ToRgw_PublishesWithDigestThenReportsUnchanged()
    {
        var first = await _repo.RunAsync("Sync", "--manifest", Manifest);
        var second = await _repo.RunAsync("Sync", "--manifest", Manifest);

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.All(second.Result.Steps.Where(s => s.Target == "Upload"), s => Assert.Equal(StepStatus.Skipped, s.Status));
        var head = await _bucket.Client.GetObjectMetadataAsync(_bucket.Name, "images/tiny-rootfs/2.3/tiny-rootfs.raw");
        Assert.Equal(424000, head.ContentLength);
        Assert.Contains("3b6336e614c0", head.Metadata["x-amz-meta-checksum"], StringComparison.Ordinal);
        Assert.DoesNotContain(rgw.SecretKey, first.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_WithSopsCredentials_DecryptsWithAgeAndPublishes()
    {
        var keyFile = _repo.Combine("age-key.txt");
        var recipient = AgeKeygen(keyFile);
        _repo.Write("images/e2.sops.yaml", SopsTestWriter.Encrypt(
            [("access_key", rgw.AccessKey), ("secret_key", rgw.SecretKey), ("endpoint", rgw.Endpoint.ToString()), ("bucket", _bucket.Name)],
            recipient));
        foreach (var name in new[] { "E2_ACCESS_KEY", "E2_SECRET_KEY", "E2_ENDPOINT", "E2_BUCKET" })
        {
            _repo.Environment.Remove(name);
        }

        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--credentials", "images/e2.sops.yaml", "--sops-age-key-file", keyFile);

        Assert.True(run.ExitCode == 0, run.ToString());
        var head = await _bucket.Client.GetObjectMetadataAsync(_bucket.Name, "images/tiny-disk/1.0/tiny-disk.img");
        Assert.Equal(65536, head.ContentLength);
        Assert.DoesNotContain(rgw.SecretKey, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_TamperedSopsCredentials_IsRefused()
    {
        var keyFile = _repo.Combine("age-key.txt");
        var encrypted = SopsTestWriter.Encrypt(
            [("access_key", rgw.AccessKey), ("secret_key", rgw.SecretKey), ("endpoint", rgw.Endpoint.ToString()), ("bucket", _bucket.Name)],
            AgeKeygen(keyFile));
        var lines = encrypted.Split('\n');
        (lines[2], lines[3]) = (lines[3].Replace("bucket:", "endpoint:", StringComparison.Ordinal), lines[2].Replace("endpoint:", "bucket:", StringComparison.Ordinal));
        _repo.Write("images/e2.sops.yaml", string.Join('\n', lines));
        foreach (var name in new[] { "E2_ACCESS_KEY", "E2_SECRET_KEY", "E2_ENDPOINT", "E2_BUCKET" })
        {
            _repo.Environment.Remove(name);
        }

        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--credentials", "images/e2.sops.yaml", "--sops-age-key-file", keyFile);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty((await _bucket.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket.Name })).S3Objects ?? []);
        Assert.DoesNotContain(rgw.SecretKey, run.Output, StringComparison.Ordinal);
    }

    private static string AgeKeygen(string keyFile)
    {
        var start = new ProcessStartInfo("age-keygen") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add(keyFile);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return stderr.Split(':', 2)[1].Trim();
    }

    [Fact]
    public async Task List_AfterSync_ShowsImagesWithDigestsAsJson()
    {
        await _repo.RunAsync("Sync", "--manifest", Manifest);

        var list = await _repo.RunAsync("List", "--json");

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("\"key\": \"images/tiny-disk/1.0/tiny-disk.img\"", list.Output, StringComparison.Ordinal);
        Assert.Contains("\"checksum\": \"sha512:3a0fd4c17ab9", list.Output, StringComparison.Ordinal);
        Assert.Contains("\"managed\": true", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prune_OnRgw_DeletesOnlyTheDroppedImage()
    {
        await _repo.RunAsync("Sync", "--manifest", Manifest);
        var path = _repo.Combine(Manifest);
        var text = File.ReadAllText(path);
        File.WriteAllText(path, text[..text.IndexOf("    # A SHA-512 digest", StringComparison.Ordinal)]);

        var run = await _repo.RunAsync("Prune", "--manifest", Manifest);

        Assert.True(run.ExitCode == 0, run.ToString());
        var keys = (await _bucket.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket.Name })).S3Objects.Select(o => o.Key).ToList();
        Assert.DoesNotContain("images/tiny-firmware/0.9/tiny-firmware.bin", keys);
        Assert.DoesNotContain("metadata/tiny-firmware/0.9/tiny-firmware.bin.json", keys);
        Assert.Contains("images/tiny-disk/1.0/tiny-disk.img", keys);
        Assert.Contains("Deleted images/tiny-firmware/0.9/tiny-firmware.bin", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_KilledDuringUpload_LeavesNothingVisibleAndNextRunCleansUp()
    {
        WriteBigImageManifest();

        using (var child = BuildProcess.Start(_repo, "Sync"))
        {
            await BuildProcess.WaitUntilAsync(child, async () => await _bucket.CountIncompleteUploadsAsync() > 0, "its upload started");
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }

        var keys = (await _bucket.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket.Name })).S3Objects ?? [];
        Assert.Empty(keys);
        Assert.Equal(1, await _bucket.CountIncompleteUploadsAsync());

        var next = await _repo.RunAsync("Sync");

        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal(0, await _bucket.CountIncompleteUploadsAsync());
        Assert.Contains("Removed 1 upload(s) that an interrupted run left staged", next.Output, StringComparison.Ordinal);
        var head = await _bucket.Client.GetObjectMetadataAsync(_bucket.Name, "images/big/big.raw");
        Assert.Equal(64L << 20, head.ContentLength);
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task Sync_SignalledDuringUpload_AbortsTheMultipartUploadAndExitsWithTheSignalsCode(string signal, int exitCode)
    {
        WriteBigImageManifest();
        using var child = BuildProcess.Start(_repo, "Sync");
        await BuildProcess.WaitUntilAsync(child, async () => await _bucket.CountIncompleteUploadsAsync() > 0, "its upload started");

        PosixSignals.Send(child, signal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await child.WaitForExitAsync(timeout.Token);

        Assert.Equal(exitCode, child.ExitCode);
        Assert.Equal(0, await _bucket.CountIncompleteUploadsAsync());
        Assert.Empty((await _bucket.Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket.Name })).S3Objects ?? []);
    }

    /// <summary>
    /// One 64 MiB image over HTTPS whose first download (after Validate's HEAD) stalls for two minutes after 16 MiB, so
    /// the run is certainly mid-upload when the test acts; a later run gets it whole.
    /// </summary>
    private void WriteBigImageManifest()
    {
        var image = RandomBytes(64 << 20);
        var path = $"/{Guid.NewGuid():N}/big.raw";
        _server.Map(path, new TestRoute { Content = image, StallAfter = 16 << 20, StallDuration = TimeSpan.FromMinutes(2), FaultyResponses = 2 });
        _repo.Write("images/images.yaml", $"""
            apiVersion: images.lab.gilman.io/v1alpha1
            kind: ImageManifest
            metadata:
              name: kill
            spec:
              images:
                - name: big
                  source:
                    type: http
                    url: {_server.Url(path)}
                    checksum: {TestImages.Sha256(image)}
                  destination:
                    path: big/big.raw
            """);
    }

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(42).NextBytes(bytes);
        return bytes;
    }
}
