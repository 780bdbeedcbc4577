namespace ImagePipeline.Engine;

/// <summary>How a step ended.</summary>
public enum StepStatus
{
    Succeeded,

    /// <summary>Not run on purpose (<c>--skip</c> or a false <c>OnlyWhen</c>); counts as success.</summary>
    Skipped,

    /// <summary>Its action threw, it was cancelled, or members of a family it collects failed.</summary>
    Failed,

    /// <summary>A dependency failed, or the build was cancelled before it started.</summary>
    NotRun,
}
