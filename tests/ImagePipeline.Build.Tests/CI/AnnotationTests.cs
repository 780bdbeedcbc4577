using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>On GitHub Actions, every manifest error becomes an <c>::error file=…,line=…,col=…::</c> annotation.</summary>
public class AnnotationTests
{
    private const string BrokenManifest = """
        apiVersion: images.lab.gilman.io/v1alpha1
        kind: ImageManifest
        metadata:
          name: broken
        spec:
          images:
            - name: Bad_Name
              source:
                type: http
                url: https://example.invalid/a.iso
                chekcsum: sha256:00
              destination:
                path: a.iso
        """;

    [Fact]
    public async Task Validate_BrokenManifestOnActions_AnnotatesEachErrorWithFileLineColumn()
    {
        using var root = new TempDirectory("gitops-annotate");
        Directory.CreateDirectory(root.Combine(".nuke"));
        Directory.CreateDirectory(root.Combine("images"));
        File.WriteAllText(root.Combine("images", "images.yaml"), BrokenManifest);

        var (result, output) = await InProcessBuild.RunAsync(root.Path, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, "Validate", "--offline");

        Assert.Equal(BuildResult.UsageError, result.ExitCode);
        var annotations = output.Split('\n').Where(l => l.StartsWith("::error file=images/images.yaml,", StringComparison.Ordinal)).ToList();
        Assert.True(annotations.Count >= 2, output);
        Assert.Contains(annotations, a => a.StartsWith("::error file=images/images.yaml,line=7,col=", StringComparison.Ordinal) && a.Contains("Bad_Name", StringComparison.Ordinal));
        Assert.Contains(annotations, a => a.StartsWith("::error file=images/images.yaml,line=11,col=", StringComparison.Ordinal) && a.Contains("checksum", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_BrokenManifestOffActions_WritesNoAnnotations()
    {
        using var root = new TempDirectory("gitops-annotate-off");
        Directory.CreateDirectory(root.Combine(".nuke"));
        Directory.CreateDirectory(root.Combine("images"));
        File.WriteAllText(root.Combine("images", "images.yaml"), BrokenManifest);

        var (result, output) = await InProcessBuild.RunAsync(root.Path, new Dictionary<string, string>(), "Validate", "--offline");

        Assert.Equal(BuildResult.UsageError, result.ExitCode);
        Assert.DoesNotContain("::error", output, StringComparison.Ordinal);
        Assert.Contains("Bad_Name", output, StringComparison.Ordinal);
    }
}
