using ImagePipeline.Engine;

namespace ImagePipeline.Build.Tests;

/// <summary>The outcome of one in-process build: exit code, step results, its data (stdout) and its logs (stderr).</summary>
internal sealed record BuildRun(BuildResult Result, string Data, string Log)
{
    /// <summary>Both streams, logs first; for assertions that do not care which stream a line went to.</summary>
    public string Output => Log + Data;

    public int ExitCode => Result.ExitCode;

    public StepStatus StatusOf(string target, string? input = null) =>
        Result.Steps.Single(s => s.Target == target && s.Input == input).Status;

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
