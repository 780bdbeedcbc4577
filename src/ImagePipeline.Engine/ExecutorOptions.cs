namespace ImagePipeline.Engine;

/// <summary>How the <see cref="Executor"/> runs and reports steps.</summary>
/// <param name="Parallelism">How many steps may run at once.</param>
/// <param name="Verbose">Log stack traces of failures.</param>
/// <param name="GitHubGroups">Wrap each running step in <c>::group::</c>/<c>::endgroup::</c> (only sensible when serial).</param>
/// <param name="Output">Where group markers go.</param>
internal sealed record ExecutorOptions(int Parallelism, bool Verbose, bool GitHubGroups, TextWriter Output);
