using ImagePipeline.Engine;
namespace ImagePipeline.Build.Output;

/// <summary>Appends Markdown to the GitHub Actions job summary file (<c>GITHUB_STEP_SUMMARY</c>) when there is one.</summary>
internal static class StepSummary
{
    /// <param name="path">The summary file, from the build's environment; nothing is written when it is null or empty.</param>
    public static void Append(string? path, string title, TextTable table)
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        File.AppendAllText(path, $"### {title}\n\n{table.ToMarkdown()}\n");
    }
}
