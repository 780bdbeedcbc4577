namespace ImagePipeline.Engine;

/// <summary>How much the build logs (NUKE's <c>--verbosity</c>).</summary>
public enum Verbosity
{
    /// <summary>Warnings and errors only; no summary table unless something failed.</summary>
    Quiet,

    Normal,

    /// <summary>Also debug messages and stack traces of failures.</summary>
    Verbose,
}
