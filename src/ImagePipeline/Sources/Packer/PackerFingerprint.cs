using System.Security.Cryptography;
using System.Text;
using ImagePipeline.Manifest;
using ImagePipeline.Verification;

namespace ImagePipeline.Sources.Packer;

/// <summary>
/// The inputs of a Packer build in one digest, so Sync can skip a rebuild whose inputs did not
/// change: the template directory's files (relative path + content; Packer's cache and the build
/// output left out), the artifact path, the variable names and resolved values, and the Packer
/// version. Values enter only as their own SHA-256, and the result is a SHA-256 over everything,
/// so no secret can be read back from it.
/// </summary>
public static class PackerFingerprint
{
    /// <summary>Bumped whenever what goes into the fingerprint changes, so old fingerprints stop matching.</summary>
    private const string FormatVersion = "packer-fingerprint/1";

    /// <summary>Computes the fingerprint, <c>sha256:&lt;hex&gt;</c>, without building.</summary>
    /// <param name="source">The packer source (template directory and artifact).</param>
    /// <param name="resolvedVariables">Variable values with <c>${env:…}</c> already resolved (see <see cref="PackerVariables"/>).</param>
    /// <param name="packerVersion">The version text <c>packer version</c> reports, e.g. <c>1.6.6</c>.</param>
    /// <param name="cancellationToken">Stops reading files.</param>
    public static async Task<string> ComputeAsync(
        PackerImageSource source,
        IReadOnlyDictionary<string, string> resolvedVariables,
        string packerVersion,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(resolvedVariables);
        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(fingerprint, FormatVersion);
        Append(fingerprint, "packer", packerVersion);
        Append(fingerprint, "artifact", source.Artifact.Replace('\\', '/'));
        foreach (var (relativePath, fullPath) in PackerTemplate.EnumerateInputFiles(source.FullPath, source.Artifact))
        {
            Append(fingerprint, "file", relativePath, await HashFileAsync(fullPath, cancellationToken));
        }

        foreach (var (name, value) in resolvedVariables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            Append(fingerprint, "variable", name, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value))));
        }

        return Checksum.FromBytes(HashAlgorithmKind.Sha256, fingerprint.GetHashAndReset()).ToString();
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>One record per line; fields are length-prefixed so no value can fake a field boundary.</summary>
    private static void Append(IncrementalHash hash, params string[] fields)
    {
        var line = new StringBuilder();
        foreach (var field in fields)
        {
            line.Append(Encoding.UTF8.GetByteCount(field)).Append(':').Append(field).Append(' ');
        }

        hash.AppendData(Encoding.UTF8.GetBytes(line.Append('\n').ToString()));
    }
}
