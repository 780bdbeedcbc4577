using ImagePipeline.Manifest;
using ImagePipeline.Testing;
using ImagePipeline.Verification;

namespace ImagePipeline.Tests.Sources.Packer;

/// <summary>
/// A private copy of one of the test templates (Templates/&lt;name&gt;) plus a work directory, so
/// tests can build in parallel and change files freely.
/// </summary>
internal sealed class PackerTemplateFixture : IDisposable
{
    private readonly TempDirectory _root = new("packer-test");

    public PackerTemplateFixture(string templateName)
    {
        var template = Path.Combine(AppContext.BaseDirectory, "Sources", "Packer", "Templates", templateName);
        TemplateDirectory = _root.Combine("template");
        WorkDirectory = _root.Combine("work");
        Directory.CreateDirectory(TemplateDirectory);
        Directory.CreateDirectory(WorkDirectory);
        foreach (var file in Directory.EnumerateFiles(template))
        {
            File.Copy(file, Path.Combine(TemplateDirectory, Path.GetFileName(file)));
        }
    }

    public string TemplateDirectory { get; }

    public string WorkDirectory { get; }

    public ImageDefinition Image(IReadOnlyDictionary<string, string>? variables = null, string artifact = "output/image.raw", string name = "test-image") =>
        new(name,
            new PackerImageSource("images/packer/" + name, TemplateDirectory, artifact, variables ?? new Dictionary<string, string>()),
            name + ".raw",
            "images/" + name + ".raw",
            HashAlgorithmKind.Sha256,
            ExpectedOutput: null,
            Line: 1);

    public void Dispose() => _root.Dispose();
}
