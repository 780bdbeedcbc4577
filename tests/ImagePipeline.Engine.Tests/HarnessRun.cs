namespace ImagePipeline.Engine.Tests;

/// <summary>What one in-process build returned and wrote: <see cref="Data"/> to stdout, <see cref="Log"/> to stderr.</summary>
public sealed record HarnessRun(BuildResult Result, string Data, string Log)
{
    /// <summary>Both streams, logs first; for assertions that do not care which stream a line went to.</summary>
    public string Output => Log + Data;

    public void Deconstruct(out BuildResult result, out string output) => (result, output) = (Result, Output);
}
