using System.Security.Cryptography;
using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Publishing;

/// <summary>
/// Runs a Sync that meets every kind of secret the tool handles — a token in a source URL's query, a
/// multi-line packer secret printed by a failing build, an S3 endpoint with user info — and scans
/// everything the run wrote for them: console (stdout and stderr), the CI step summary, the plan JSON,
/// the result JSON, every file in the store (metadata included) and what is left under .nuke/temp.
/// </summary>
public sealed class SecretLeakTests : IAsyncLifetime, IDisposable
{
    private const string UrlToken = "tok3n-9f2a77";
    private const string KeyLineOne = "first-key-line-5b1e";
    private const string KeyLineTwo = "second-key-line-c04d";
    private static readonly byte[] Content = RandomNumberGenerator.GetBytes(50_000);
    private readonly TestRepository _repo = new();
    private HttpsTestServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await HttpsTestServer.StartAsync();
        _server.Map("/image.raw", new TestRoute { Content = Content });
        _repo.Environment["SSL_CERT_FILE"] = _server.CertificatePemPath;
        _repo.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        _repo.Environment["SIGNING_KEY"] = KeyLineOne + "\n" + KeyLineTwo;
        _repo.Environment["GITHUB_STEP_SUMMARY"] = _repo.Combine("summary.md");
        _repo.Write("packer/build.pkr.hcl", """
            variable "content" {
              type = string
            }

            source "null" "image" {
              communicator = "none"
            }

            build {
              sources = ["source.null.image"]

              provisioner "shell-local" {
                inline = ["echo \"about to fail with $CONTENT\"", "exit 3"]
                environment_vars = ["CONTENT=${var.content}"]
              }
            }
            """);
        _repo.Write("images/images.yaml", $$"""
            apiVersion: images.lab.gilman.io/v1alpha1
            kind: ImageManifest
            metadata:
              name: secrets
            spec:
              images:
                - name: tokened
                  source:
                    type: http
                    url: {{_server.Url("/image.raw")}}?token={{UrlToken}}&x=1
                    checksum: {{TestImages.Sha256(Content)}}
                  destination:
                    path: tokened/image.raw
                - name: signed
                  source:
                    type: packer
                    path: packer
                    artifact: output/image.raw
                    variables:
                      content: ${env:SIGNING_KEY}
                  destination:
                    path: signed/image.raw
            """);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task Sync_EveryOutputAndTheStore_HoldNoSecret()
    {
        var store = _repo.Combine("store");
        var run = await _repo.RunAsync("Sync", "--store", store, "--result-json", "result.json");
        var plan = await _repo.RunAsync("Sync", "--store", store, "--dry-run", "--plan-json", "plan.json");

        Assert.Equal(BuildResult.TargetFailed, run.ExitCode);
        Assert.Contains("about to fail with ***", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(store, "metadata", "tokened", "image.raw.json")), run.ToString());
        var written = new List<(string Where, string Text)> { ("run output", run.Output), ("plan output", plan.Output) };
        written.AddRange(Directory.EnumerateFiles(_repo.Root, "*", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(_repo.Combine("packer"), StringComparison.Ordinal) && !f.EndsWith("images.yaml", StringComparison.Ordinal))
            .Where(f => new FileInfo(f).Length < 10_000_000)
            .Select(f => (Path.GetRelativePath(_repo.Root, f), File.ReadAllText(f))));
        Assert.Contains(written, w => w.Where.EndsWith("summary.md", StringComparison.Ordinal));
        Assert.Contains(written, w => w.Where == "plan.json");
        Assert.Contains(written, w => w.Where == "result.json");
        foreach (var secret in new[] { UrlToken, KeyLineOne, KeyLineTwo })
        {
            Assert.DoesNotContain(written, w => w.Text.Contains(secret, StringComparison.Ordinal));
        }

        var metadata = await File.ReadAllTextAsync(Path.Combine(store, "metadata", "tokened", "image.raw.json"));
        Assert.Contains($"\"url\": \"{_server.Url("/image.raw")}\"", metadata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_EndpointWithUserInfo_IsRefusedWithoutPrintingIt()
    {
        _repo.Environment["E2_ACCESS_KEY"] = "AK";
        _repo.Environment["E2_SECRET_KEY"] = "s3cret-e2-key";
        _repo.Environment["E2_ENDPOINT"] = "https://AK:s3cret-endpoint-pass@e2.example.test";
        _repo.Environment["E2_BUCKET"] = "images";

        var run = await _repo.RunAsync("Sync", "--dry-run", "--image", "tokened");

        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain("s3cret-endpoint-pass", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-e2-key", run.Output, StringComparison.Ordinal);
        Assert.Contains("e2.example.test", run.Output, StringComparison.Ordinal);
    }
}
