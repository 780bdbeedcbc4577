using ImagePipeline.Manifest;
using ImagePipeline.Sources;

namespace ImagePipeline.Verification;

/// <summary>
/// Verify's comparison: the digests Acquire computed against what the manifest promises — the
/// source digest against <c>source.checksum</c> (http and file sources) and the output digest
/// against <see cref="ImageDefinition.ExpectedOutput"/>; for a packer build, whose digest the manifest
/// cannot know, the digest of the bytes sent to the store against the digest taken when the build finished.
/// </summary>
public static class Verifier
{
    /// <exception cref="ChecksumMismatchException">A digest differs; names the image and which digest.</exception>
    public static void Verify(ImageDefinition image, AcquiredImage acquired)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(acquired);
        var expectedSource = image.Source switch
        {
            HttpImageSource http => http.Checksum ?? throw Unpinned(image),
            FileImageSource file => file.Checksum ?? throw Unpinned(image),
            _ => null,
        };

        if (expectedSource is not null)
        {
            var actualSource = acquired.SourceDigest
                ?? throw new InvalidOperationException($"{image.Name}: Acquire did not compute a source digest");
            Compare($"{image.Name} source", expectedSource, actualSource, acquired.MediaType is "text/html" or "application/xhtml+xml"
                ? $"the server sent {acquired.MediaType}, a web page (a login, captive portal or error page), not the image — check the URL in a browser"
                : null);
        }

        if (image.ExpectedOutput is { } expectedOutput)
        {
            Compare($"{image.Name} output", expectedOutput, acquired.OutputDigest);
        }
        else if (acquired.Built is { } built)
        {
            Compare($"{image.Name} artifact (as uploaded, against its digest after the build)", built.Digest, acquired.OutputDigest);
        }
    }

    /// <summary>Only a manifest loaded for Pin lacks a source checksum; nothing from it may be published.</summary>
    private static InvalidOperationException Unpinned(ImageDefinition image) =>
        new($"{image.Name}: source.checksum is not known (manifest loaded for pinning); refusing to verify against nothing");

    private static void Compare(string subject, Checksum expected, Checksum actual, string? hint = null)
    {
        if (expected != actual)
        {
            throw new ChecksumMismatchException(subject, expected, actual, hint);
        }
    }
}
