using ImagePipeline.Engine;
using ImagePipeline.Manifest;
using ImagePipeline.Testing;
using ImagePipeline.Verification;

namespace ImagePipeline.Build.Tests.Pin;

/// <summary>
/// <c>./build.sh Pin</c> run in-process on a throw-away repository, downloading from a real Kestrel
/// HTTPS server (self-signed certificate trusted through SSL_CERT_FILE) and reading real xz files.
/// </summary>
public sealed class PinTests(PinSources sources) : IClassFixture<PinSources>, IDisposable
{
    private const string SourcePlaceholder = "sha256:REPLACE_WITH_PUBLISHED_CHECKSUM";
    private const string ExpectedPlaceholder = "sha256:REPLACE_WITH_DECOMPRESSED_CHECKSUM";
    private static readonly Checksum Wrong = Checksum.Parse("sha256:" + new string('0', 64));

    private readonly TestRepository _repository = CreateRepository(sources);

    private string ManifestPath => _repository.Combine("images", "images.yaml");

    public void Dispose() => _repository.Dispose();

    [Fact]
    public async Task Pin_HttpXzWithPlaceholders_FillsBothChecksumsAndKeepsEverythingElse()
    {
        var (url, route) = sources.ServeXz();
        WriteManifest(Manifest(HttpImage("talos", url), PackerImage()));

        var (result, output) = await PinAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Manifest(HttpImage("talos", url, sources.XzSha256.ToString(), sources.RawSha256.ToString()), PackerImage()), File.ReadAllText(ManifestPath));
        var strict = ManifestLoader.Load(ManifestPath, _repository.Root).Find("talos")!;
        Assert.Equal(sources.RawSha256, strict.ExpectedOutput);
        Assert.Equal(1, route.RequestCount);
        Assert.Contains("talos: source.checksum was missing or a placeholder; trusting this download on first use", output, StringComparison.Ordinal);
        Assert.Contains($"talos: source.checksum new (trusted on first use) {sources.XzSha256}; expected new {sources.RawSha256}; manifest updated", output, StringComparison.Ordinal);
        var packer = Assert.Single(result.Steps, s => s.Input == "vyos");
        Assert.Equal((StepStatus.Skipped, "packer image: its digest is known only after a build"), (packer.Status, packer.Note));
        AssertNoWorkFilesLeft();
    }

    [Fact]
    public async Task Pin_WrongSourceChecksum_FailsThatImageLeavesItsEntryAndPinsTheOthers()
    {
        var (badUrl, _) = sources.ServeXz();
        var (goodUrl, _) = sources.ServeXz();
        var original = Manifest(HttpImage("bad", badUrl, Wrong.ToString()), HttpImage("good", goodUrl));
        WriteManifest(original);

        var (result, _) = await PinAsync();

        Assert.Equal(1, result.ExitCode);
        var bad = Assert.Single(result.Steps, s => s.Input == "bad");
        var mismatch = Assert.IsType<ChecksumMismatchException>(bad.Exception);
        Assert.Equal((Wrong, sources.XzSha256), (mismatch.Expected, mismatch.Actual));
        Assert.Equal(StepStatus.Succeeded, Assert.Single(result.Steps, s => s.Input == "good").Status);
        Assert.Equal(
            Manifest(HttpImage("bad", badUrl, Wrong.ToString()), HttpImage("good", goodUrl, sources.XzSha256.ToString(), sources.RawSha256.ToString())),
            File.ReadAllText(ManifestPath));
        AssertNoWorkFilesLeft();
    }

    [Fact]
    public async Task Pin_ImageOption_PinsOnlyTheNamedImage()
    {
        var (firstUrl, _) = sources.ServeXz();
        var (secondUrl, secondRoute) = sources.ServeXz();
        WriteManifest(Manifest(HttpImage("first", firstUrl), HttpImage("second", secondUrl)));

        var (result, _) = await PinAsync("--image", "first");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["first"], result.Steps.Select(s => s.Input));
        Assert.Equal(
            Manifest(HttpImage("first", firstUrl, sources.XzSha256.ToString(), sources.RawSha256.ToString()), HttpImage("second", secondUrl)),
            File.ReadAllText(ManifestPath));
        Assert.Equal(0, secondRoute.RequestCount);
    }

    [Fact]
    public async Task Pin_StaleExpectedAfterVersionBump_ReplacesItAndLogsOldToNew()
    {
        var (url, _) = sources.ServeXz();
        var stale = TestImages.Sha256Of("talos 1.9.1");
        WriteManifest(Manifest(HttpImage("talos", url, sources.XzSha256.ToString(), stale.ToString())));

        var (result, output) = await PinAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Manifest(HttpImage("talos", url, sources.XzSha256.ToString(), sources.RawSha256.ToString())), File.ReadAllText(ManifestPath));
        Assert.Contains($"talos: expected digest changed: {stale} -> {sources.RawSha256}", output, StringComparison.Ordinal);
        Assert.Contains($"talos: source.checksum verified {sources.XzSha256}; expected changed {sources.RawSha256}; manifest updated", output, StringComparison.Ordinal);
        Assert.DoesNotContain("trusting this download", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pin_FileSourceWithoutChecksumOrValidation_InsertsBoth()
    {
        _repository.Write("files/disk.raw.xz", sources.Xz);
        const string Entry = """
                - name: local
                  source:
                    type: file
                    path: files/disk.raw.xz
                    decompress: xz
                  destination:
                    path: local/disk.raw

            """;
        WriteManifest(Manifest(Entry));

        var (result, _) = await PinAsync();

        Assert.Equal(0, result.ExitCode);
        var pinned = Entry
            .Replace("decompress: xz\n", $"decompress: xz\n        checksum: {sources.XzSha256}\n", StringComparison.Ordinal)
            .Replace("path: local/disk.raw\n", $"path: local/disk.raw\n      validation:\n        algorithm: sha256\n        expected: {sources.RawSha256}\n", StringComparison.Ordinal);
        Assert.Equal(Manifest(pinned), File.ReadAllText(ManifestPath));
        var image = ManifestLoader.Load(ManifestPath, _repository.Root).Find("local")!;
        Assert.Equal(sources.XzSha256, ((FileImageSource)image.Source).Checksum);
    }

    [Fact]
    public async Task Pin_ManifestInvalidForAnotherReason_ExitsWithUsageErrorBeforeDownloading()
    {
        var (url, route) = sources.ServeXz();
        var original = Manifest(HttpImage("talos", url).Replace("type: http", "type: http\n        colour: blue", StringComparison.Ordinal));
        WriteManifest(original);

        var (result, output) = await PinAsync();

        Assert.Equal(BuildResult.UsageError, result.ExitCode);
        Assert.Contains("images/images.yaml:14:9: talos: source.colour: unknown key `colour`", output, StringComparison.Ordinal);
        Assert.DoesNotContain("placeholder", output, StringComparison.Ordinal);
        Assert.Equal(0, route.RequestCount);
        Assert.Equal(original, File.ReadAllText(ManifestPath));
    }

    [Fact]
    public async Task Pin_UrlBumpedButOldChecksumLeft_PinsTheNewDownloadAndSaysWhy()
    {
        var (newUrl, _) = sources.ServeXz();
        var oldUrl = new Uri(sources.Server.Url("/old/release/disk.raw.xz").ToString());
        WriteManifest(Manifest(HttpImage("talos-1-0", oldUrl, Wrong.ToString(), Wrong.ToString())));
        await CommitAsync();
        WriteManifest(Manifest(HttpImage("talos-1-1", newUrl, Wrong.ToString(), Wrong.ToString())));

        var (result, output) = await PinAsync();

        Assert.True(result.ExitCode == 0, output);
        Assert.Contains("talos-1-1: source.checksum is the one the last commit pinned for", output, StringComparison.Ordinal);
        Assert.Equal(Manifest(HttpImage("talos-1-1", newUrl, sources.XzSha256.ToString(), sources.RawSha256.ToString())), File.ReadAllText(ManifestPath));
    }

    [Fact]
    public async Task Pin_SameUrlNewBytes_StillRefusesEvenWithGit()
    {
        var (url, _) = sources.ServeXz();
        var original = Manifest(HttpImage("talos", url, Wrong.ToString(), Wrong.ToString()));
        WriteManifest(original);
        await CommitAsync();

        var (result, _) = await PinAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(original, File.ReadAllText(ManifestPath));
    }

    private async Task CommitAsync()
    {
        foreach (var arguments in new[] { "init -q", "add -A", "-c user.email=pin@test -c user.name=pin commit -qm manifest" })
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", arguments) { WorkingDirectory = _repository.Root })!;
            await git.WaitForExitAsync();
            Assert.Equal(0, git.ExitCode);
        }
    }

    private static TestRepository CreateRepository(PinSources sources)
    {
        var repository = new TestRepository();
        repository.Environment["SSL_CERT_FILE"] = sources.Server.CertificatePemPath;
        return repository;
    }

    private void WriteManifest(string yaml) => _repository.Write("images/images.yaml", yaml);

    private async Task<(BuildResult Result, string Output)> PinAsync(params string[] args)
    {
        var run = await _repository.RunAsync(["Pin", "--no-cache", .. args]);
        return (run.Result, run.Output);
    }

    private void AssertNoWorkFilesLeft()
    {
        var temp = _repository.Combine(".nuke", "temp");
        Assert.Empty(Directory.Exists(temp) ? Directory.EnumerateFiles(temp, "*", SearchOption.AllDirectories) : []);
    }

    /// <summary>Comments, blank lines, quoting and a trailing comment: Pin must keep them byte for byte.</summary>
    private static string Manifest(params string[] images) => """
        # Lab images. Pin changes only checksum scalars.
        apiVersion: images.lab.gilman.io/v1alpha1
        kind: ImageManifest
        metadata:
          name: pin-test   # trailing comment
        spec:
          defaults:
            validation:
              algorithm: sha256
          images:

        """ + string.Concat(images);

    private static string HttpImage(string name, Uri url, string checksum = SourcePlaceholder, string expected = ExpectedPlaceholder) => $"""
            - name: {name}
              source:
                type: http
                # where the vendor publishes it
                url: "{url}"
                checksum: {checksum}
                decompress: xz
              destination:
                path: {name}/disk.raw

              validation:
                algorithm: sha256
                expected: '{expected}'   # of the decompressed image

        """;

    private string PackerImage()
    {
        _repository.Write("packer/vyos.pkr.hcl", "# template\n");
        return """
                - name: vyos
                  source:
                    type: packer
                    path: packer
                    artifact: output/vyos.qcow2
                  destination:
                    path: vyos/vyos.qcow2

            """;
    }
}
