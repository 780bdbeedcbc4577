using ImagePipeline.Build.Output;
using ImagePipeline.Engine;
using ImagePipeline.Metadata;
using ImagePipeline.Planning;

namespace ImagePipeline.Build;

/// <summary>The per-image Sync table for the CI job summary, written once every image's chain has ended.</summary>
internal sealed partial class Build
{
    static readonly string[] ImageChain = ["Acquire", "Verify", "Upload", "WriteMetadata"];

    /// <summary>Appends a table to <c>$GITHUB_STEP_SUMMARY</c> (read from the build's environment) when it is set.</summary>
    void AppendStepSummary(string title, TextTable table) => StepSummary.Append(Env("GITHUB_STEP_SUMMARY"), title, table);

    protected override async Task OnFinishedAsync(BuildResult result, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Env("GITHUB_STEP_SUMMARY")) || DryRun || _plan is null || !result.Steps.Any(s => s.Target == nameof(Sync)))
        {
            return;
        }

        var table = new TextTable("Image", "Action", "Size", "Digest", "Duration", "Result");
        var stored = await ReadPublishedAsync(result, cancellationToken);
        foreach (var image in _plan.Images)
        {
            var steps = result.Steps.Where(s => s.Input == image.Name && ImageChain.Contains(s.Target)).ToList();
            var metadata = stored.GetValueOrDefault(image.Name);
            table.Add(image.Name, image.Action.ToString().ToLowerInvariant(),
                metadata is null ? "-" : ByteSize.Format(metadata.Size),
                metadata?.Checksum ?? "-",
                StepResult.FormatDuration(TimeSpan.FromTicks(steps.Sum(s => s.Duration.Ticks))),
                Outcome(image, steps));
        }

        AppendStepSummary("Sync", table);
    }

    /// <summary>What the store now holds for every image whose chain did not fail (its metadata is written last, so it is the truth).</summary>
    async Task<Dictionary<string, ImageMetadata>> ReadPublishedAsync(BuildResult result, CancellationToken cancellationToken)
    {
        var store = await OpenStoreAsync(required: false, cancellationToken);
        if (store is null)
        {
            return [];
        }

        var failed = result.Steps.Where(s => s.Status is StepStatus.Failed or StepStatus.NotRun && s.Input is not null).Select(s => s.Input!).ToHashSet();
        var images = _plan!.Images.Where(i => !failed.Contains(i.Name)).ToList();
        var metadata = await Task.WhenAll(images.Select(i => store.ReadMetadataAsync(LoadedManifest.Find(i.Name)!.MetadataKey, cancellationToken)));
        return images.Zip(metadata).Where(p => p.Second is not null).ToDictionary(p => p.First.Name, p => p.Second!);
    }

    static string Outcome(ImagePlan image, List<StepResult> steps) =>
        steps.FirstOrDefault(s => s.Status == StepStatus.Failed) is { } failed ? $"failed ({failed.Target}): {failed.Note}"
        : steps.FirstOrDefault(s => s.Status == StepStatus.NotRun) is { } notRun ? $"not run: {notRun.Note}"
        : steps.Count > 0 && steps.All(s => s.Status == StepStatus.Skipped) ? $"skipped: {steps[0].Note}"
        : image.NeedsWork ? "published"
        : "ok";
}
