using ImagePipeline.Engine;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>With GITHUB_STEP_SUMMARY set, Sync appends the plan and a per-image result table to that file.</summary>
public class StepSummaryTests
{
    [Fact]
    public async Task Sync_WithStepSummary_WritesPerImageTable()
    {
        using var root = new TempDirectory("gitops-summary");
        InProcessBuild.CreateQuickstartRoot(root.Path);
        var summary = root.Combine("summary.md");
        var environment = new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary };
        string[] args = ["Sync", "--offline", "--no-cache", "--manifest", "examples/quickstart/images.yaml", "--store", root.Combine("store")];

        var first = await InProcessBuild.RunAsync(root.Path, environment, args);
        var firstSummary = File.ReadAllText(summary);
        File.Delete(summary);
        var second = await InProcessBuild.RunAsync(root.Path, environment, args);
        var secondSummary = File.ReadAllText(summary);

        Assert.True(first.Result.ExitCode == BuildResult.Success, first.Output);
        Assert.Contains("### Sync plan\n", firstSummary, StringComparison.Ordinal);
        Assert.Contains("### Sync\n\n| Image | Action | Size | Digest | Duration | Result | Reason |\n|---|---|---|---|---|---|---|\n", firstSummary, StringComparison.Ordinal);
        Assert.Matches(@"\| tiny-disk-1\.0 \| upload \| 64 KiB \| sha256:7d5e1418c732c3b79d213119c70996704c72ad9b3ea68ce0f1cad0eb40db07a9 \| \d+:\d\d \| published \| not in store \|", firstSummary);
        Assert.Contains("| tiny-firmware-0.9 | upload | 4 KiB | sha512:3a0fd4c1", firstSummary, StringComparison.Ordinal);
        Assert.Contains("| **Total** |", firstSummary, StringComparison.Ordinal); // the engine's target table follows

        Assert.True(second.Result.ExitCode == BuildResult.Success, second.Output);
        Assert.Matches(@"\| tiny-disk-1\.0 \| unchanged \| 64 KiB \| sha256:7d5e1418\w+ \| - \| unchanged \| digest matches the store \|", secondSummary);
    }

    [Fact]
    public async Task Sync_ImageFails_RowSaysWhichStepFailed()
    {
        using var root = new TempDirectory("gitops-summary-fail");
        InProcessBuild.CreateQuickstartRoot(root.Path);
        // Corrupt one bundled file: its digest no longer matches the manifest.
        File.WriteAllText(root.Combine("examples", "quickstart", "files", "tiny-firmware-0.9.bin"), "not the firmware");
        var summary = root.Combine("summary.md");

        var (result, output) = await InProcessBuild.RunAsync(root.Path, new Dictionary<string, string> { ["GITHUB_STEP_SUMMARY"] = summary },
            "Sync", "--offline", "--no-cache", "--manifest", "examples/quickstart/images.yaml", "--store", root.Combine("store"));

        var text = File.ReadAllText(summary);
        Assert.True(result.ExitCode == BuildResult.TargetFailed, output);
        Assert.Matches(@"\| tiny-firmware-0\.9 \| upload \| - \| - \| \d+:\d\d \| failed \((Acquire|Verify)\) \| source: checksum mismatch: ", text);
        Assert.Matches(@"\| tiny-disk-1\.0 \| upload \| 64 KiB \| sha256:7d5e\w+ \| \d+:\d\d \| published \|", text);
    }

    [Fact]
    public async Task Sync_WithoutStepSummary_WritesNoFile()
    {
        using var root = new TempDirectory("gitops-summary-none");
        InProcessBuild.CreateQuickstartRoot(root.Path);

        var (result, output) = await InProcessBuild.RunAsync(root.Path, new Dictionary<string, string>(),
            "Sync", "--offline", "--no-cache", "--manifest", "examples/quickstart/images.yaml", "--store", root.Combine("store"));

        Assert.True(result.ExitCode == BuildResult.Success, output);
        Assert.Empty(Directory.EnumerateFiles(root.Path, "*.md"));
    }
}
