namespace ImagePipeline.Build.Output;

/// <summary>Appends Markdown to the GitHub Actions job summary when GITHUB_STEP_SUMMARY is set.</summary>
internal static class StepSummary
{
    public static void Append(string title, TextTable table)
    {
        var path = Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        File.AppendAllText(path, $"### {title}\n\n{table.ToMarkdown()}\n");
    }
}
