using ImagePipeline.Manifest;
using ImagePipeline.Sources.Packer;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Sources.Packer;

public sealed class PackerFingerprintTests
{
    private static readonly Dictionary<string, string> Variables = new() { ["content"] = "v1" };

    [Fact]
    public async Task Compute_SameInputs_SameFingerprint()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");

        var first = await ComputeAsync(fixture, Variables);
        var second = await ComputeAsync(fixture, new Dictionary<string, string>(Variables));

        Assert.Equal(first, second);
        Assert.Matches("^sha256:[0-9a-f]{64}$", first);
    }

    [Fact]
    public async Task Compute_SameTemplateInAnotherDirectory_SameFingerprint()
    {
        using var first = new PackerTemplateFixture("file-artifact");
        using var second = new PackerTemplateFixture("file-artifact");

        Assert.Equal(await ComputeAsync(first, Variables), await ComputeAsync(second, Variables));
    }

    [Fact]
    public async Task Compute_TemplateFileChanged_DifferentFingerprint()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        var before = await ComputeAsync(fixture, Variables);

        await File.AppendAllTextAsync(Path.Combine(fixture.TemplateDirectory, "build.pkr.hcl"), "\n# changed\n");

        Assert.NotEqual(before, await ComputeAsync(fixture, Variables));
    }

    [Fact]
    public async Task Compute_FileAddedInSubdirectory_DifferentFingerprint()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        var before = await ComputeAsync(fixture, Variables);

        Directory.CreateDirectory(Path.Combine(fixture.TemplateDirectory, "http"));
        await File.WriteAllTextAsync(Path.Combine(fixture.TemplateDirectory, "http", ".preseed"), "d-i x");

        Assert.NotEqual(before, await ComputeAsync(fixture, Variables));
    }

    [Fact]
    public async Task Compute_FileRenamed_DifferentFingerprint()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        var before = await ComputeAsync(fixture, Variables);

        File.Move(Path.Combine(fixture.TemplateDirectory, "build.pkr.hcl"), Path.Combine(fixture.TemplateDirectory, "main.pkr.hcl"));

        Assert.NotEqual(before, await ComputeAsync(fixture, Variables));
    }

    [Fact]
    public async Task Compute_VariableValueChanged_DifferentFingerprint()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");

        Assert.NotEqual(
            await ComputeAsync(fixture, Variables),
            await ComputeAsync(fixture, new Dictionary<string, string> { ["content"] = "v2" }));
    }

    [Fact]
    public async Task Compute_VariableRenamed_DifferentFingerprint()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");

        Assert.NotEqual(
            await ComputeAsync(fixture, Variables),
            await ComputeAsync(fixture, new Dictionary<string, string> { ["contents"] = "v1" }));
    }

    [Fact]
    public async Task Compute_EnvironmentValueChanged_SameFingerprintAndNoValueInside()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        var secret = new Dictionary<string, string> { ["content"] = "${env:PASSWORD}" };

        var fingerprint = await ComputeAsync(fixture, secret);

        // Only the reference is part of it: planning needs no secret, and no secret can be guessed from it.
        Assert.NotEqual(await ComputeAsync(fixture, Variables), fingerprint);
        Assert.Equal(fingerprint, await ComputeAsync(fixture, new Dictionary<string, string> { ["content"] = "${env:OTHER}" }));
    }

    [Fact]
    public async Task Compute_OutputDirectoryAndPackerCacheContents_DoNotChangeFingerprint()
    {
        using var fixture = new PackerTemplateFixture("file-artifact");
        var before = await ComputeAsync(fixture, Variables);

        foreach (var path in new[] { "output/image.raw", "output/other.log", "packer_cache/iso/abc.iso" })
        {
            var full = Path.Combine(fixture.TemplateDirectory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, Guid.NewGuid().ToString());
        }

        Assert.Equal(before, await ComputeAsync(fixture, Variables));
    }

    private static Task<string> ComputeAsync(PackerTemplateFixture fixture, IReadOnlyDictionary<string, string> variables) =>
        PackerFingerprint.ComputeAsync((PackerImageSource)fixture.Image(variables).Source, CancellationToken.None);
}
