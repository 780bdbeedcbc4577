using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Secrets;

/// <summary>
/// The build registers the secrets it learns with the engine, which then masks them in everything written after:
/// shown here with secrets that equal text the build prints anyway (an image name, a file path), so the masking
/// is visible where the domain itself has no reason to hide anything.
/// </summary>
public sealed class SecretRegistrationTests : IDisposable
{
    private const string Manifest = "examples/quickstart/images.yaml";
    private readonly TestRepository _repo = new();

    public SecretRegistrationTests() => _repo.CopyFromRepository("examples/quickstart");

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task S3SecretKey_OnceResolved_IsMaskedInLogsAndTheJobSummary()
    {
        var summary = _repo.Combine("summary.md");
        _repo.Environment["GITHUB_STEP_SUMMARY"] = summary;
        _repo.Environment["E2_ACCESS_KEY"] = "access";
        _repo.Environment["E2_SECRET_KEY"] = "tiny-disk-1.0";
        _repo.Environment["E2_ENDPOINT"] = "http://127.0.0.1:9";
        _repo.Environment["E2_BUCKET"] = "images";

        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--low-speed-time", "1");

        Assert.NotEqual(0, run.ExitCode);
        var afterDiff = run.Log[run.Log.IndexOf("[Diff]", StringComparison.Ordinal)..];
        Assert.DoesNotContain("tiny-disk-1.0", afterDiff, StringComparison.Ordinal);
        Assert.Matches(@"Acquire\s+\*\*\*\s", afterDiff);
        Assert.DoesNotContain("tiny-disk-1.0", File.ReadAllText(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackerEnvironmentValue_IsMaskedFromTheStartOfTheRun()
    {
        _repo.Write("packer/template.pkr.hcl", "source \"null\" \"x\" { communicator = \"none\" }\nbuild { sources = [\"source.null.x\"] }\n");
        _repo.Write("files/hunter2-disk.img", "disk");
        _repo.Write("images/images.yaml", $$"""
            apiVersion: images.lab.gilman.io/v1alpha1
            kind: ImageManifest
            metadata:
              name: secrets
            spec:
              images:
                - name: built
                  source:
                    type: packer
                    path: packer
                    artifact: output/disk.img
                    variables:
                      password: ${env:DISK_PASSWORD}
                  destination:
                    path: built/disk.img
                - name: plain
                  source:
                    type: file
                    path: files/hunter2-disk.img
                    checksum: {{TestImages.Sha256Of("disk")}}
                  destination:
                    path: plain/disk.img
            """);
        _repo.Environment["DISK_PASSWORD"] = "hunter2";
        _repo.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";

        var run = await _repo.RunAsync("Validate", "--offline");

        Assert.DoesNotContain("hunter2", run.Output, StringComparison.Ordinal);
        Assert.Contains("files/***-disk.img", run.Log, StringComparison.Ordinal);
    }
}
