using ImagePipeline.Testing;

namespace ImagePipeline.Engine.Tests;

/// <summary>Compares output with the checked-in files under <c>Expected/</c>; <c>UPDATE_EXPECTED=1</c> rewrites them instead (review the diff).</summary>
public static class ExpectedOutput
{
    public static void AssertMatches(string name, string actual) =>
        ExpectedFiles.AssertMatches(Path.Combine("tests", "ImagePipeline.Engine.Tests", "Expected"), name, actual);

    /// <summary>The summary table at the end of a run's output (log lines carry wall-clock times, the table does not).</summary>
    public static string Summary(string output) => output[output.IndexOf("=====", StringComparison.Ordinal)..];
}
