using ImagePipeline.Manifest;
using ImagePipeline.Pinning;
using ImagePipeline.Sources;
using ImagePipeline.Verification;

namespace ImagePipeline.Build;

/// <summary>
/// Pin[image]: reads an http or file source once (the real readers, bytes discarded: only the digests
/// are needed), checks it against source.checksum when the manifest has one, and writes what it
/// learnt — source.checksum when missing (trust on first use), validation.expected — into the manifest.
/// Members run in parallel; each one's edit goes through one <see cref="ManifestUpdater"/>, so the writes
/// are serialised and atomic, and an image that fails leaves its manifest entry as it was.
/// </summary>
internal sealed partial class Build
{
    /// <summary>The manifest as Pin sees it: valid apart from checksums still to be filled in.</summary>
    ImageManifest PinManifest => _pinManifest ??= LoadManifest(ManifestLoadOptions.ForPinning);

    ImageManifest? _pinManifest;

    IEnumerable<string> PinImageNames => SelectImages(PinManifest).Select(i => i.Name);

    ManifestUpdater? _manifestUpdater;

    /// <summary>One updater (one lock) for all members, whichever asks first.</summary>
    ManifestUpdater PinManifestUpdater => LazyInitializer.EnsureInitialized(ref _manifestUpdater, () => new ManifestUpdater(PinManifest.FilePath));

    Pinner Pinner => LazyInitializer.EnsureInitialized(ref _pinner, () => new Pinner(ImageAcquirer.Create(AcquisitionSettings, Log)));

    Pinner? _pinner;

    bool IsPinnable(string name) => PinManifest.Find(name)!.Source is HttpImageSource or FileImageSource;

    Task<CommittedManifest> Committed => LazyInitializer.EnsureInitialized(ref _committed, () => CommittedManifest.ReadAsync(PinManifest.FilePath, RootDirectory, CancellationToken.None));

    Task<CommittedManifest>? _committed;

    async Task PinAsync(string name, CancellationToken cancellationToken)
    {
        var image = PinManifest.Find(name)!;
        if (image.Source is HttpImageSource http && (await Committed).StaleFor(http) is { } oldUrl)
        {
            // An update left the old checksum behind: it belongs to the old URL, so pin the new download instead.
            Log.Warning("{Image}: source.checksum is the one the last commit pinned for {OldUrl}; the URL changed, so it is pinned again from the new download",
                name, Sources.Http.UrlDisplay.Safe(oldUrl));
            image = image with { Source = http with { Checksum = null } };
        }

        PinResult result;
        try
        {
            result = await Pinner.PinAsync(image, cancellationToken);
        }
        catch (ChecksumMismatchException)
        {
            Log.Error("{Image}: the download does not match source.checksum; its manifest entry is left as it was "
                + "(if the publisher replaced the file, put the new published checksum there, or remove it to trust the new download)", image.Name);
            throw;
        }

        if (result.SourceStatus == SourceChecksumStatus.New)
        {
            Log.Warning("{Image}: source.checksum was missing or a placeholder; trusting this download on first use: {Digest}. "
                + "Compare it with the publisher's checksum where there is one", name, result.SourceChecksum);
        }

        if (result is { ExpectedStatus: ExpectedStatus.Changed, PreviousExpected: { } previous })
        {
            Log.Information("{Image}: expected digest changed: {Old} -> {New}", name, previous, result.Expected);
        }

        var written = PinManifestUpdater.Update(result.ApplyTo);
        Log.Information("{Image}: source.checksum {SourceStatus} {Source}; expected {ExpectedStatus} {Expected}; {Manifest}",
            name, Describe(result.SourceStatus), result.SourceChecksum, Describe(result.ExpectedStatus), result.Expected,
            written ? "manifest updated" : "manifest already up to date");
    }

    static string Describe(SourceChecksumStatus status) => status switch
    {
        SourceChecksumStatus.Verified => "verified",
        _ => "new (trusted on first use)",
    };

    static string Describe(ExpectedStatus status) => status switch
    {
        ExpectedStatus.New => "new",
        ExpectedStatus.Changed => "changed",
        _ => "unchanged",
    };
}
