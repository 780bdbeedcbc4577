using ImagePipeline.Manifest;

namespace ImagePipeline.Sources;

/// <summary>
/// Opens the bytes of one kind of source (http, file, packer) for the one acquisition pipeline.
/// Contract: the stream yields the source's bytes once, forward-only; a stream that has to start over
/// (an HTTP download that cannot resume) throws <c>SourceRestartException</c> once and then yields byte 0
/// again. Expected faults are <see cref="ImagePipelineException"/>s naming the image. Disposing the
/// <see cref="OpenedSource"/> releases everything the reader made (a packer artifact is deleted).
/// Readers do not compare digests with the manifest: that is Verify's job.
/// </summary>
public interface ISourceReader
{
    bool CanRead(ImageSource source);

    /// <summary>
    /// Checks, without reading it, that the source can be read (Validate): an https source answers (unless
    /// <paramref name="offline"/>), a file exists, packer and every <c>${env:…}</c> variable are there.
    /// Returns a short note for the table; throws the <see cref="ImagePipelineException"/> that says what is wrong.
    /// </summary>
    Task<string> CheckAsync(ImageDefinition image, bool offline, CancellationToken cancellationToken);

    Task<OpenedSource> OpenAsync(ImageDefinition image, CancellationToken cancellationToken);
}
