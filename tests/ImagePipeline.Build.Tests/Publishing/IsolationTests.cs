using System.Security.Cryptography;
using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Publishing;

/// <summary>
/// One image's problem — an unreachable source, an unset <c>${env:…}</c> variable, no packer binary —
/// fails that image only, in Validate, Diff, Sync and --dry-run; the healthy image is published; the run
/// exits 1 naming every failed image and its reason. Real Kestrel HTTPS, real packer, a directory store.
/// </summary>
public sealed class IsolationTests : IAsyncLifetime, IDisposable
{
    private const string EnvReference = "${env:NOT_SET_ANYWHERE}";
    private static readonly byte[] Healthy = RandomNumberGenerator.GetBytes(300_000);
    private readonly TestRepository _repo = new();
    private HttpsTestServer _server = null!;
    private TestRoute _healthy = null!;

    public async Task InitializeAsync()
    {
        _server = await HttpsTestServer.StartAsync();
        _repo.Environment["SSL_CERT_FILE"] = _server.CertificatePemPath;
        _repo.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        _healthy = _server.Map("/healthy.raw", new TestRoute { Content = Healthy });
        _server.Map("/gone.raw", new TestRoute { Status = 404 });
        _repo.Write("packer/build.pkr.hcl", """
            variable "content" {
              type = string
            }

            source "file" "image" {
              content = var.content
              target  = "output/image.raw"
            }

            build {
              sources = ["source.file.image"]
            }
            """);
        _repo.Write("images/images.yaml", $"""
            apiVersion: images.lab.gilman.io/v1alpha1
            kind: ImageManifest
            metadata:
              name: isolation
            spec:
              images:
                - name: healthy
                  source:
                    type: http
                    url: {_server.Url("/healthy.raw")}
                    checksum: {TestImages.Sha256(Healthy)}
                  destination:
                    path: healthy/healthy.raw
                - name: gone
                  source:
                    type: http
                    url: {_server.Url("/gone.raw")}
                    checksum: {TestImages.Sha256(Healthy)}
                  destination:
                    path: gone/gone.raw
                - name: secretless
                  source:
                    type: packer
                    path: packer
                    artifact: output/image.raw
                    variables:
                      content: {EnvReference}
                  destination:
                    path: built/secretless.raw
            """);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _repo.Dispose();

    private string Store => _repo.Combine("store");

    [Fact]
    public async Task Validate_OneUnreachableSourceAndOneMissingVariable_ExitsOneNamingBoth()
    {
        var run = await _repo.RunAsync("Validate");

        Assert.Equal(BuildResult.TargetFailed, run.ExitCode);
        Assert.Contains("2 image(s) failed Validate", run.Output, StringComparison.Ordinal);
        Assert.Contains("gone: source unreachable", run.Output, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", run.Output, StringComparison.Ordinal);
        Assert.Contains("NOT_SET_ANYWHERE", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"healthy\s+http\s+.*200 \(HEAD\)", run.Output);
    }

    [Fact]
    public async Task Sync_BrokenImagesAmongHealthyOnes_PublishesTheHealthyOneAndExitsOne()
    {
        var run = await _repo.RunAsync("Sync", "--store", Store);

        Assert.Equal(BuildResult.TargetFailed, run.ExitCode);
        Assert.Equal(StepStatus.Failed, run.StatusOf("Validate"));
        Assert.Equal(StepStatus.Succeeded, run.StatusOf("Diff"));
        Assert.Equal(StepStatus.Succeeded, run.StatusOf("WriteMetadata", "healthy"));
        Assert.Equal(StepStatus.Skipped, run.StatusOf("Acquire", "gone"));
        Assert.Equal(StepStatus.Skipped, run.StatusOf("Acquire", "secretless"));
        Assert.Equal(Healthy, await File.ReadAllBytesAsync(Path.Combine(Store, "images", "healthy", "healthy.raw")));
        Assert.False(File.Exists(Path.Combine(Store, "images", "gone", "gone.raw")));
        Assert.Matches(@"gone\s+-\s+-\s+-\s+-\s+failed \(Validate\)\s+source unreachable", run.Output);
        Assert.Matches(@"secretless\s+-\s+-\s+-\s+-\s+failed \(Validate\)\s+.*NOT_SET_ANYWHERE", run.Output);
    }

    [Fact]
    public async Task SyncDryRun_BrokenImages_StillPlansTheOthersAndExitsOne()
    {
        var run = await _repo.RunAsync("Sync", "--store", Store, "--dry-run", "--plan-json", "plan.json");

        Assert.Equal(BuildResult.TargetFailed, run.ExitCode);
        Assert.Matches(@"healthy\s+upload\s+not in store", run.Output);
        var plan = await File.ReadAllTextAsync(_repo.Combine("plan.json"));
        Assert.Contains("\"image\": \"healthy\"", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("\"image\": \"gone\"", plan, StringComparison.Ordinal);
        Assert.Matches(@"""name"": ""gone"",\s+""action"": ""failed"",\s+""reason"": ""failed Validate: source unreachable", plan);
        Assert.Matches(@"gone\s+failed\s+failed Validate: source unreachable", run.Output);
        Assert.False(Directory.Exists(Path.Combine(Store, "images")));
    }

    [Fact]
    public async Task Validate_NoPackerBinary_FailsThePackerImageOnly()
    {
        _repo.Environment["NOT_SET_ANYWHERE"] = "now it is";

        var run = await _repo.RunAsync("Validate", "--packer", "/nonexistent/packer");

        Assert.Equal(BuildResult.TargetFailed, run.ExitCode);
        Assert.Contains("2 image(s) failed Validate", run.Output, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/packer", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"healthy\s+http\s+.*200 \(HEAD\)", run.Output);
    }

    [Fact]
    public async Task Prune_UnreachableSource_NeedsOnlyTheManifestAndTheStore()
    {
        _repo.Environment["NOT_SET_ANYWHERE"] = "x";
        Assert.Equal(BuildResult.TargetFailed, (await _repo.RunAsync("Sync", "--store", Store)).ExitCode);

        var run = await _repo.RunAsync("Prune", "--store", Store);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("Validate", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Store, "images", "healthy", "healthy.raw")));
    }

    [Fact]
    public async Task Sync_StoreIsARegularFile_FailsBeforeAnyDownload()
    {
        await File.WriteAllTextAsync(_repo.Combine("not-a-dir"), "x");

        var run = await _repo.RunAsync("Sync", "--store", "./not-a-dir", "--image", "healthy");

        Assert.Equal(BuildResult.TargetFailed, run.ExitCode);
        Assert.Contains("is a file, not a directory", run.Output, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Skipped, run.StatusOf("Acquire", "healthy"));
        Assert.DoesNotContain(_healthy.Requests, r => r.Method == "GET");
    }
}
