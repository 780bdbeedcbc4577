namespace ImagePipeline.Engine;

/// <summary>The outcome of a build run: its exit code and, when it got as far as running, every step in plan order.</summary>
public sealed record BuildResult(int ExitCode, IReadOnlyList<StepResult> Steps, TimeSpan Duration, string? Error = null)
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int UsageError = 2;

    /// <summary>128 + SIGINT, as shells report a process stopped by Ctrl-C.</summary>
    public const int Interrupted = 130;

    /// <summary>128 + SIGTERM.</summary>
    public const int Terminated = 143;

    /// <summary>0 when everything succeeded or was skipped, 2 when a step threw a usage error, else 1.</summary>
    internal static int ExitCodeFor(IReadOnlyList<StepResult> steps, Func<Exception, bool> isUsageError) =>
        steps.Any(step => step.Exception is { } e && isUsageError(e)) ? UsageError
        : steps.Any(step => step.Status is StepStatus.Failed or StepStatus.NotRun) ? TargetFailed
        : Success;
}
