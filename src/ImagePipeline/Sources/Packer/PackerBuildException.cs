namespace ImagePipeline.Sources.Packer;

/// <summary>
/// <c>packer build</c> (or <c>packer init</c>) exited with a non-zero code: a template error, an
/// unset variable, a failing provisioner. Permanent: the same inputs fail the same way.
/// </summary>
public sealed class PackerBuildException : ImagePipelineException
{
    public PackerBuildException(string imageName, string command, int exitCode, IReadOnlyList<string> lastOutputLines)
        : base(FormatMessage(imageName, command, exitCode, lastOutputLines))
    {
        ImageName = imageName;
        Command = command;
        ExitCode = exitCode;
        LastOutputLines = lastOutputLines;
    }

    public string ImageName { get; }

    /// <summary>The packer sub-command that failed: <c>build</c> or <c>init</c>.</summary>
    public string Command { get; }

    public int ExitCode { get; }

    /// <summary>Packer's last output lines (stdout and stderr interleaved), secrets masked.</summary>
    public IReadOnlyList<string> LastOutputLines { get; }

    private static string FormatMessage(string imageName, string command, int exitCode, IReadOnlyList<string> lines)
    {
        var tail = lines.Count == 0 ? " (no output)" : ":" + Environment.NewLine + string.Join(Environment.NewLine, lines.Select(l => "  " + l));
        return $"{imageName}: packer {command} failed with exit code {exitCode}{tail}";
    }
}
