namespace ImagePipeline.Build;

internal sealed partial class Build
{
    Task PinAsync(string name, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Pin is not implemented yet");
}
