using ImagePipeline.Manifest;
using ImagePipeline.Sources;
using ImagePipeline.Verification;

namespace ImagePipeline.Pinning;

/// <summary>
/// What Pin learnt about one http or file image from one acquisition, and the manifest edit that records
/// it. Built by <see cref="From"/>, which refuses (throws) when the download contradicts a
/// <c>source.checksum</c> already in the manifest.
/// </summary>
/// <param name="ImageName">The manifest image.</param>
/// <param name="SourceChecksum">Digest of the source bytes (source.checksum's algorithm, else the validation algorithm).</param>
/// <param name="SourceStatus">Whether source.checksum was verified or is new.</param>
/// <param name="PreviousExpected">The expected output digest the manifest had; null when none.</param>
/// <param name="Expected">Digest of the (decompressed) output, validation algorithm.</param>
/// <param name="ExpectedStatus">How <paramref name="Expected"/> compares with <paramref name="PreviousExpected"/>.</param>
/// <param name="Decompresses">The image has source.decompress: validation.expected is then written
/// (inserted when missing); otherwise it is only rewritten where the manifest already has the key.</param>
public sealed record PinResult(
    string ImageName,
    Checksum SourceChecksum,
    SourceChecksumStatus SourceStatus,
    Checksum? PreviousExpected,
    Checksum Expected,
    ExpectedStatus ExpectedStatus,
    bool Decompresses)
{
    /// <summary>Compares an acquisition of <paramref name="image"/> with what its manifest entry says.</summary>
    /// <param name="image">An http or file image, typically from a manifest loaded for pinning.</param>
    /// <param name="acquired">The acquisition's digests (source and output).</param>
    /// <exception cref="ChecksumMismatchException">The manifest has a source.checksum and the source bytes differ.</exception>
    /// <exception cref="ArgumentException">The image is not an http or file image, or no source digest was computed.</exception>
    public static PinResult From(ImageDefinition image, AcquiredImage acquired)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(acquired);
        var (published, decompress) = image.Source switch
        {
            HttpImageSource http => (http.Checksum, http.Decompress),
            FileImageSource file => (file.Checksum, file.Decompress),
            _ => throw new ArgumentException($"{image.Name}: only http and file sources can be pinned, not {image.Source.Type}", nameof(image)),
        };
        var actual = acquired.SourceDigest
            ?? throw new ArgumentException($"{image.Name}: the acquisition computed no source digest", nameof(acquired));
        if (published is not null && published != actual)
        {
            throw new ChecksumMismatchException($"{image.Name} source", published, actual);
        }

        var previous = image.ExpectedOutput;
        var expectedStatus = previous is null ? ExpectedStatus.New
            : previous == acquired.OutputDigest ? ExpectedStatus.Unchanged
            : ExpectedStatus.Changed;
        return new PinResult(
            image.Name,
            actual,
            published is null ? SourceChecksumStatus.New : SourceChecksumStatus.Verified,
            previous,
            acquired.OutputDigest,
            expectedStatus,
            decompress is not null);
    }

    /// <summary>
    /// Writes the result into manifest text, changing only those scalars: a new source.checksum, and
    /// validation.expected unless it already was right. Without decompress, validation.expected is only
    /// rewritten where the key exists (a placeholder there must still go), never added.
    /// </summary>
    /// <exception cref="ManifestEditException">The image is not in the text, or cannot be edited in place.</exception>
    public string ApplyTo(string yamlText)
    {
        var source = SourceStatus == SourceChecksumStatus.New ? SourceChecksum : null;
        if (!Decompresses)
        {
            return ManifestEditor.SetChecksums(yamlText, ImageName, source, Expected, insertExpected: false);
        }

        var expected = ExpectedStatus == ExpectedStatus.Unchanged ? null : Expected;
        return ManifestEditor.SetChecksums(yamlText, ImageName, source, expected);
    }
}
