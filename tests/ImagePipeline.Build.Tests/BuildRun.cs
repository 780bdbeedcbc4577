using ImagePipeline.Engine;

namespace ImagePipeline.Build.Tests;

/// <summary>The outcome of one in-process build: exit code, step results and everything it printed.</summary>
internal sealed record BuildRun(BuildResult Result, string Output)
{
    public int ExitCode => Result.ExitCode;

    public StepStatus StatusOf(string target, string? input = null) =>
        Result.Steps.Single(s => s.Target == target && s.Input == input).Status;

    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
