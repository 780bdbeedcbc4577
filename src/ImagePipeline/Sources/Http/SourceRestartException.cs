namespace ImagePipeline.Sources.Http;

/// <summary>
/// Internal signal from <see cref="HttpDownloadStream"/>: the download could not resume and starts
/// again at byte 0, so everything computed from earlier bytes (hashes, decoder, output) must be reset.
/// The stream already holds the new response; the next read continues from byte 0.
/// </summary>
internal sealed class SourceRestartException(string reason) : Exception(reason);
