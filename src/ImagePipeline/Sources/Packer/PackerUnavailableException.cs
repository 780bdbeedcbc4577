namespace ImagePipeline.Sources.Packer;

/// <summary>
/// The packer CLI cannot be used: not found, not executable, its version is not recognised, or the
/// template needs <c>packer init</c> (it declares <c>required_plugins</c>) and this Packer is older
/// than 1.7. Permanent until the machine or <c>--packer</c> is fixed.
/// </summary>
public sealed class PackerUnavailableException : ImagePipelineException
{
    public PackerUnavailableException(string executablePath, string problem, Exception? innerException = null)
        : base($"packer '{executablePath}': {problem}", innerException)
    {
        ExecutablePath = executablePath;
    }

    public string ExecutablePath { get; }
}
