namespace ImagePipeline.Sources.Packer;

/// <summary>
/// The build ran longer than <see cref="PackerOptions.BuildTimeout"/> and was stopped. Not retried
/// automatically: a build that hit its limit once would most likely spend the limit again.
/// </summary>
public sealed class PackerTimeoutException : ImagePipelineException
{
    public PackerTimeoutException(string imageName, TimeSpan timeout)
        : base($"{imageName}: packer build did not finish within {timeout}; it was stopped")
    {
        ImageName = imageName;
        Timeout = timeout;
    }

    public string ImageName { get; }

    public TimeSpan Timeout { get; }
}
