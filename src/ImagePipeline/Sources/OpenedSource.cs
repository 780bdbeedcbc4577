using ImagePipeline.Verification;

namespace ImagePipeline.Sources;

/// <summary>A source ready to be read, and what its reader knows about it.</summary>
public sealed class OpenedSource : IAsyncDisposable
{
    private readonly Func<ValueTask>? _release;

    /// <param name="stream">The source bytes.</param>
    /// <param name="built">For a packer build: the artifact's digest, its input fingerprint and the Packer version.</param>
    /// <param name="release">Run after the stream is disposed (e.g. delete the artifact).</param>
    public OpenedSource(Stream stream, BuildResult? built = null, Func<ValueTask>? release = null)
    {
        Stream = stream;
        Built = built;
        _release = release;
    }

    public Stream Stream { get; }

    /// <summary>Set for sources that are built (packer): their digest is known before they are read.</summary>
    public BuildResult? Built { get; }

    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        if (_release is not null)
        {
            await _release();
        }
    }

    /// <summary>What a build produced.</summary>
    /// <param name="Digest">Digest of the artifact, computed when the build finished (validation algorithm).</param>
    /// <param name="Fingerprint">The build's input fingerprint.</param>
    /// <param name="ToolVersion">The version of the tool that built it (e.g. Packer 1.6.6).</param>
    public sealed record BuildResult(Checksum Digest, string Fingerprint, string ToolVersion);
}
