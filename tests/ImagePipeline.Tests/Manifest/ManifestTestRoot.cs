using ImagePipeline.Manifest;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Manifest;

/// <summary>
/// A throw-away repository root with a file source (<c>files/disk.img</c>), a packer directory
/// (<c>packer/</c>) and a directory without templates (<c>empty/</c>), plus manifest builders whose
/// line numbers are fixed: the header is 6 lines, so the first image entry is on line 7.
/// </summary>
internal sealed class ManifestTestRoot : IDisposable
{
    public const string Sha256 = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    public const string OtherSha256 = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    public const string Sha512 = "sha512:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    public const string Header = """
        apiVersion: images.lab.gilman.io/v1alpha1
        kind: ImageManifest
        metadata:
          name: test
        spec:
          images:

        """;

    private readonly TempDirectory directory = new("manifest-tests");

    public ManifestTestRoot()
    {
        Directory.CreateDirectory(Combine("files"));
        File.WriteAllText(Combine("files", "disk.img"), "disk");
        Directory.CreateDirectory(Combine("packer", "output"));
        File.WriteAllText(Combine("packer", "build.pkr.hcl"), "# template\n");
        Directory.CreateDirectory(Combine("empty"));
    }

    public string Path => directory.Path;

    public string ManifestPath => Combine("images.yaml");

    /// <summary>A valid http image entry, 7 lines, indented as a <c>spec.images</c> item.</summary>
    public static string HttpImage(string name = "disk", string path = "disk.img") => $"""
            - name: {name}
              source:
                type: http
                url: https://example.test/{name}.img
                checksum: {Sha256}
              destination:
                path: {path}

        """;

    /// <summary>An http image (lines 7–16) with <c>decompress</c> on line 12 and <c>validation.expected</c> on line 16.</summary>
    public static string DecompressingHttpImage(string format, string expected) =>
        HttpImage().Replace($"checksum: {Sha256}\n", $"checksum: {Sha256}\n        decompress: {format}\n", StringComparison.Ordinal)
        + $"      validation:\n        expected: {expected}\n";

    public static string WithImages(string images) => Header + images;

    public string Combine(params string[] parts) => directory.Combine(parts);

    public ImageManifest Load(string yaml) => ManifestLoader.Parse(yaml, ManifestPath, Path);

    public ImageManifest LoadImages(string images) => Load(WithImages(images));

    /// <summary>The errors the text produces; fails the test when it loads.</summary>
    public IReadOnlyList<ManifestError> Errors(string yaml) =>
        Assert.Throws<ManifestException>(() => Load(yaml)).Errors;

    public IReadOnlyList<ManifestError> ImageErrors(string images) => Errors(WithImages(images));

    /// <summary>The one error the text produces; fails when there are none or several.</summary>
    public ManifestError Error(string yaml)
    {
        var errors = Errors(yaml);
        if (errors.Count != 1)
        {
            Assert.Fail($"expected exactly one error, got {errors.Count}:\n" + string.Join("\n", errors));
        }

        return errors[0];
    }

    public ManifestError ImageError(string images) => Error(WithImages(images));

    public void Dispose() => directory.Dispose();
}
