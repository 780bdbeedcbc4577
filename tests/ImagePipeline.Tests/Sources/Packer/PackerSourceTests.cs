using System.Security.Cryptography;
using ImagePipeline.Sources.Packer;
using ImagePipeline.Testing;
using ImagePipeline.Verification;

namespace ImagePipeline.Tests.Sources.Packer;

public sealed class PackerSourceTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public async Task Acquire_SuccessfulBuild_ReturnsArtifactInWorkDirectoryWithItsDigest()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out _), environment: NoEnvironment);
        var image = fixture.Image(new Dictionary<string, string> { ["content"] = "disk bytes" });

        var acquired = await handler.AcquireAsync(image, CancellationToken.None);

        var expected = Checksum.FromBytes(HashAlgorithmKind.Sha256, SHA256.HashData("disk bytes"u8));
        Assert.Equal(expected, acquired.OutputDigest);
        Assert.Null(acquired.SourceDigest);
        Assert.Equal(10, acquired.Size);
        Assert.Equal(expected, acquired.Image.Built?.Digest);
        Assert.Equal("disk bytes", await File.ReadAllTextAsync(acquired.Path));
        Assert.False(File.Exists(Path.Combine(fixture.TemplateDirectory, "output", "image.raw")));
        Assert.Empty(Directory.GetFiles(Path.Combine(fixture.WorkDirectory, ".packer")));
        Assert.Equal(await PackerFingerprint.ComputeAsync((ImagePipeline.Manifest.PackerImageSource)image.Source, CancellationToken.None), acquired.Fingerprint);
        Assert.Matches(@"^\d+\.\d+\.\d+", acquired.Image.Built?.ToolVersion);
    }

    [Fact]
    public async Task Acquire_Sha512Validation_DigestsWithSha512()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out _), environment: NoEnvironment);
        var image = fixture.Image(new Dictionary<string, string> { ["content"] = "x" }) with { ValidationAlgorithm = HashAlgorithmKind.Sha512 };

        var acquired = await handler.AcquireAsync(image, CancellationToken.None);

        Assert.Equal(Checksum.FromBytes(HashAlgorithmKind.Sha512, SHA512.HashData("x"u8)), acquired.OutputDigest);
    }

    [Fact]
    public async Task Acquire_Build_StreamsPackerOutputPrefixedWithImageName()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out var sink), environment: NoEnvironment);

        await handler.AcquireAsync(fixture.Image(new Dictionary<string, string> { ["content"] = "hello" }), CancellationToken.None);

        Assert.Contains("[test-image]     file.image: provisioning with hello", sink.Messages);
        Assert.All(sink.Events, e => Assert.Equal("\"test-image\"", e.Properties["Image"].ToString()));
    }

    [Fact]
    public async Task Acquire_EnvironmentReference_PassesValueAsPkrVarAndMasksItInLogs()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        const string secret = "s3cr3t-token-7f1c";
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out var sink), environment: name => name == "IMAGE_SECRET" ? secret : null);
        var image = fixture.Image(new Dictionary<string, string> { ["content"] = "key=${env:IMAGE_SECRET}" });

        var acquired = await handler.AcquireAsync(image, CancellationToken.None);

        Assert.Equal("key=" + secret, await File.ReadAllTextAsync(acquired.Path));
        Assert.Contains("[test-image]     file.image: provisioning with key=***", sink.Messages);
        Assert.DoesNotContain(sink.Messages, m => m.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Events, e => e.Properties.Values.Any(v => v.ToString().Contains(secret, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Acquire_MultiLineSecret_EveryLineIsMaskedInPackerOutput()
    {
        using var fixture = new PackerTemplateFixture("failing-echo");
        const string secret = "first-line-4e1a\nsecond-line-77b0";
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out var sink), environment: name => name == "KEY" ? secret : null);

        await Assert.ThrowsAsync<PackerBuildException>(() => handler.AcquireAsync(
            fixture.Image(new Dictionary<string, string> { ["content"] = "${env:KEY}" }), CancellationToken.None));

        Assert.Contains(sink.Messages, m => m.Contains("second", StringComparison.Ordinal) || m.Contains("***", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Messages, m => m.Contains("first-line-4e1a", StringComparison.Ordinal) || m.Contains("second-line-77b0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acquire_GeneratedPublicKey_ReachesPackerAndIsNeverLoggedOrFingerprinted()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        var registered = new List<string>();
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out var sink),
            packer: new PackerOptions { WorkDirectory = Path.Combine(fixture.WorkDirectory, ".packer"), RegisterSecret = registered.Add }, environment: NoEnvironment);
        var image = fixture.Image(new Dictionary<string, string> { ["content"] = "${generate:ssh-ed25519:public}" });

        var first = await handler.AcquireAsync(image, CancellationToken.None);
        var second = await handler.AcquireAsync(image, CancellationToken.None);

        var key = await File.ReadAllTextAsync(second.Path);
        Assert.StartsWith("ssh-ed25519 AAAA", key, StringComparison.Ordinal);
        Assert.Contains(key, registered);
        Assert.DoesNotContain(sink.Messages, m => m.Contains(key.Split(' ')[1], StringComparison.Ordinal));
        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.NotEqual(first.OutputDigest, second.OutputDigest);
    }

    [Fact]
    public async Task Acquire_EnvironmentVariableUnset_ThrowsNamingImageVariableAndEnvironmentVariable()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out _), environment: NoEnvironment);
        var image = fixture.Image(new Dictionary<string, string> { ["content"] = "${env:MISSING_TOKEN}" });

        var error = await Assert.ThrowsAsync<PackerVariableException>(
            () => handler.AcquireAsync(image, CancellationToken.None));

        Assert.Equal(("test-image", "content", "MISSING_TOKEN"), (error.ImageName, error.VariableName, error.EnvironmentVariableName));
        Assert.Contains("test-image: source.variables.content", error.Message, StringComparison.Ordinal);
        Assert.Contains("MISSING_TOKEN", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task Acquire_TemplateError_ThrowsPackerBuildExceptionWithOutput()
    {
        using var fixture = new PackerTemplateFixture("bad-hcl");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out _), environment: NoEnvironment);

        var error = await Assert.ThrowsAsync<PackerBuildException>(
            () => handler.AcquireAsync(fixture.Image(), CancellationToken.None));

        Assert.Equal(1, error.ExitCode);
        Assert.Equal("build", error.Command);
        Assert.Contains(error.LastOutputLines, l => l.Contains("build.pkr.hcl line", StringComparison.Ordinal));
        Assert.StartsWith("test-image: packer build failed with exit code 1", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsRetryable);
        Assert.Empty(Directory.EnumerateFileSystemEntries(fixture.WorkDirectory));
    }

    [Fact]
    public async Task Acquire_FailingBuildPrintsSecret_ExceptionAndLogsShowItMasked()
    {
        using var fixture = new PackerTemplateFixture("failing-echo");
        const string secret = "pa55-9d2e";
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out var sink), environment: name => name == "TOKEN" ? secret : null);

        var error = await Assert.ThrowsAsync<PackerBuildException>(() => handler.AcquireAsync(
            fixture.Image(new Dictionary<string, string> { ["content"] = "${env:TOKEN}" }), CancellationToken.None));

        Assert.Contains(error.LastOutputLines, l => l.Contains("about to fail with ***", StringComparison.Ordinal));
        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Messages, m => m.Contains(secret, StringComparison.Ordinal));
        Assert.Contains(sink.Messages, m => m.Contains("about to fail with ***", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acquire_WorkDirectoryOnAnotherFileSystem_CopiesWithDigestAndRemovesArtifact()
    {
        // /dev/shm is a tmpfs, the template lives under the temp folder: rename fails with EXDEV.
        using var fixture = new PackerTemplateFixture("file-artifact");
        var workDirectory = Directory.CreateDirectory("/dev/shm/packer-test-" + Guid.NewGuid().ToString("N")).FullName;
        try
        {
            using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out _),
                packer: new PackerOptions { WorkDirectory = workDirectory }, environment: NoEnvironment);

            var acquired = await handler.AcquireAsync(
                fixture.Image(new Dictionary<string, string> { ["content"] = "copied" }), CancellationToken.None);

            Assert.Empty(Directory.GetFiles(workDirectory));
            Assert.Equal(Checksum.FromBytes(HashAlgorithmKind.Sha256, SHA256.HashData("copied"u8)), acquired.OutputDigest);
            Assert.Equal("copied", await File.ReadAllTextAsync(acquired.Path));
            Assert.False(File.Exists(Path.Combine(fixture.TemplateDirectory, "output", "image.raw")));
        }
        finally
        {
            Directory.Delete(workDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Acquire_VariableWithoutDefaultNotSupplied_ThrowsPackerBuildExceptionNamingVariable()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out _), environment: NoEnvironment);

        var error = await Assert.ThrowsAsync<PackerBuildException>(
            () => handler.AcquireAsync(fixture.Image(), CancellationToken.None));

        Assert.Contains("Unset variable \"content\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acquire_InheritedPkrVar_IsNotVisibleToPacker()
    {
        // A PKR_VAR_* in the CI environment must not feed a build behind the fingerprint's back.
        using var fixture = new PackerTemplateFixture("file-artifact");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out _), environment: NoEnvironment);
        Environment.SetEnvironmentVariable("PKR_VAR_content", "leaked");
        try
        {
            await Assert.ThrowsAsync<PackerBuildException>(
                () => handler.AcquireAsync(fixture.Image(), CancellationToken.None));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PKR_VAR_content", null);
        }
    }

    [Fact]
    public async Task Acquire_ArtifactMissingAfterSuccessfulBuild_ThrowsNamingImageAndPath()
    {
        using var fixture = new PackerTemplateFixture("no-artifact");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out _), environment: NoEnvironment);

        var error = await Assert.ThrowsAsync<PackerArtifactMissingException>(
            () => handler.AcquireAsync(fixture.Image(), CancellationToken.None));

        Assert.Equal("test-image", error.ImageName);
        Assert.Equal("output/image.raw", error.Artifact);
        Assert.Contains("test-image", error.Message, StringComparison.Ordinal);
        Assert.Contains("output/image.raw", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(fixture.WorkDirectory));
    }

    [Fact]
    public async Task Acquire_StaleArtifactFromEarlierRun_IsNotTakenForTheBuildOutput()
    {
        using var fixture = new PackerTemplateFixture("no-artifact");
        Directory.CreateDirectory(Path.Combine(fixture.TemplateDirectory, "output"));
        await File.WriteAllTextAsync(Path.Combine(fixture.TemplateDirectory, "output", "image.raw"), "old");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out _), environment: NoEnvironment);

        await Assert.ThrowsAsync<PackerArtifactMissingException>(
            () => handler.AcquireAsync(fixture.Image(), CancellationToken.None));
    }

    [Fact]
    public async Task Acquire_RequiredPluginsWithPackerBefore17_ThrowsInitUnsupported()
    {
        // The Debian packer used here and in CI is 1.6.6, which has no 'packer init'.
        using var fixture = new PackerTemplateFixture("required-plugins");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out _), environment: NoEnvironment);

        var error = await Assert.ThrowsAsync<PackerUnavailableException>(
            () => handler.AcquireAsync(fixture.Image(), CancellationToken.None));

        Assert.Contains("required_plugins", error.Message, StringComparison.Ordinal);
        Assert.Contains("1.6.6", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acquire_PackerNotFound_ThrowsPackerUnavailable()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out _), packer: new PackerOptions { ExecutablePath = "/nonexistent/packer" }, environment: NoEnvironment);

        var error = await Assert.ThrowsAsync<PackerUnavailableException>(
            () => handler.AcquireAsync(fixture.Image(), CancellationToken.None));

        Assert.Contains("/nonexistent/packer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CanRead_PackerSourceOnly_True()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        var reader = new PackerSource(CollectingSink.CreateLogger(out _));

        Assert.True(reader.CanRead(fixture.Image().Source));
        Assert.False(reader.CanRead(new ImagePipeline.Manifest.FileImageSource("a", "/a", Checksum.FromBytes(HashAlgorithmKind.Sha256, new byte[32]), null)));
    }
}
