namespace ImagePipeline.Publishing;

/// <summary>
/// A stage that works on many images (Validate, Diff) finished, and these images failed in it; every
/// other image went on. The message names each failed image and its reason.
/// </summary>
public sealed class ImageFailedException(string stage, IReadOnlyList<ImageJob> failed)
    : ImagePipelineException(Describe(stage, failed))
{
    public IReadOnlyList<string> ImageNames { get; } = [.. failed.Select(j => j.Name)];

    private static string Describe(string stage, IReadOnlyList<ImageJob> failed) =>
        $"{failed.Count} image(s) failed {stage}, the others went on: "
        + string.Join("; ", failed.Select(j => j.Failure?.Message ?? j.Name));
}
