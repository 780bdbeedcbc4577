using ImagePipeline.Manifest;

namespace ImagePipeline.Sources;

/// <summary>
/// Obtains one kind of <see cref="ImageSource"/> into a work directory.
/// Contract: the returned file is complete and its digests cover every byte exactly once; on any
/// failure or cancellation the handler deletes what it wrote and throws (an
/// <see cref="ImagePipelineException"/> for expected faults). It does not compare digests with
/// the manifest: that is Verify's job.
/// </summary>
public interface IImageSourceHandler
{
    bool CanHandle(ImageSource source);

    Task<AcquiredImage> AcquireAsync(ImageDefinition image, string workDirectory, CancellationToken cancellationToken);
}
