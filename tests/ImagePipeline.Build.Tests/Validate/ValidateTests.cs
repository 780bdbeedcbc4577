using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Validate;

public sealed class ValidateTests : IAsyncLifetime, IDisposable
{
    private static readonly string Zeros = new('0', 64);
    private readonly TestRepository _repo = new();
    private HttpsTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await HttpsTestServer.StartAsync();
        _repo.Environment["SSL_CERT_FILE"] = _server.CertificatePemPath;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Validate_QuickstartOffline_Succeeds()
    {
        _repo.CopyFromRepository("examples/quickstart");

        var run = await _repo.RunAsync("Validate", "--offline", "--manifest", "examples/quickstart/images.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("tiny-rootfs-2.3", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenManifest_ExitsTwoListingEveryErrorWithLocation()
    {
        _repo.Write("images/images.yaml", $"""
            apiVersion: images.lab.gilman.io/v1alpha1
            kind: ImageManifest
            metadata:
              name: broken
            spec:
              images:
                - name: Bad_Name
                  source:
                    type: http
                    url: http://example.test/a.iso
                    checksum: sha256:{Zeros}
                  destination:
                    path: a.iso
                - name: other
                  source:
                    type: http
                    url: https://example.test/b.iso
                    checksum: md5:abc
                  destination:
                    path: b.iso
            """);

        var run = await _repo.RunAsync("Validate", "--offline");

        Assert.Equal(BuildResult.UsageError, run.ExitCode);
        Assert.Contains("images/images.yaml:7:", run.Output, StringComparison.Ordinal);
        Assert.Contains("images/images.yaml:10:", run.Output, StringComparison.Ordinal);
        Assert.Contains("images/images.yaml:18:", run.Output, StringComparison.Ordinal);
        Assert.Contains("3 error(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_HeadAnswered_ReportsStatusAndLength()
    {
        _server.Map("/ok.iso", new TestRoute { Content = new byte[2048] });
        WriteHttpManifest("/ok.iso");

        var run = await _repo.RunAsync("Validate");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("200 (HEAD), 2 KiB", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_HeadRefused_FallsBackToRangedGet()
    {
        var route = _server.Map("/nohead.iso", new TestRoute { Content = new byte[4096], RefuseHead = true });
        WriteHttpManifest("/nohead.iso");

        var run = await _repo.RunAsync("Validate");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(route.Requests, r => r.Method == "GET" && r.Range == "bytes=0-0");
        Assert.Contains("4 KiB", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NotFound_ExitsOne()
    {
        _server.Map("/missing.iso", new TestRoute { Status = 404 });
        WriteHttpManifest("/missing.iso");

        var run = await _repo.RunAsync("Validate");

        Assert.Equal(BuildResult.TargetFailed, run.ExitCode);
        Assert.Contains("404", run.Output, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Failed, run.StatusOf("Validate"));
    }

    [Fact]
    public async Task Validate_RedirectToHttp_IsRejected()
    {
        _server.Map("/moved.iso", new TestRoute { RedirectTo = new Uri("http://127.0.0.1:9/plain.iso") });
        WriteHttpManifest("/moved.iso");

        var run = await _repo.RunAsync("Validate");

        Assert.Equal(BuildResult.TargetFailed, run.ExitCode);
        Assert.Contains("http://127.0.0.1:9/plain.iso", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_Offline_DoesNotContactSources()
    {
        var route = _server.Map("/ok.iso", new TestRoute { Content = new byte[16] });
        WriteHttpManifest("/ok.iso");

        var run = await _repo.RunAsync("Validate", "--offline");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(0, route.RequestCount);
        Assert.Contains("not checked (--offline)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_UnencryptedCredentialsFile_Warns()
    {
        _repo.CopyFromRepository("examples/quickstart");
        _repo.Write("images/e2.sops.yaml", "access_key: a\nsecret_key: b\nendpoint: https://e2.test\nbucket: c\n");

        var run = await _repo.RunAsync("Validate", "--offline", "--manifest", "examples/quickstart/images.yaml", "--credentials", "images/e2.sops.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("has no sops block: it is not encrypted", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_MissingCredentialsFile_Warns()
    {
        _repo.CopyFromRepository("examples/quickstart");

        var run = await _repo.RunAsync("Validate", "--offline", "--manifest", "examples/quickstart/images.yaml", "--credentials", "images/e2.sops.yaml");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("does not exist: Sync, List and Prune will fail", run.Output, StringComparison.Ordinal);
    }

    private void WriteHttpManifest(string path) => _repo.Write("images/images.yaml", $"""
        apiVersion: images.lab.gilman.io/v1alpha1
        kind: ImageManifest
        metadata:
          name: probe
        spec:
          images:
            - name: probed
              source:
                type: http
                url: {_server.Url(path)}
                checksum: sha256:{Zeros}
              destination:
                path: probed.iso
        """);
}
