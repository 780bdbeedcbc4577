using System.Security.Cryptography;
using System.Text;
using ImagePipeline.Manifest;
using ImagePipeline.Verification;

namespace ImagePipeline.Sources.Packer;

/// <summary>
/// The inputs of a Packer build in one digest, so Sync can skip a rebuild whose inputs did not
/// change — computed from what the repository says alone, so planning needs neither Packer nor any
/// secret: the template directory's files (relative path + content; Packer's cache and the build output
/// left out), the artifact path, the variable names, and the literal values of variables that hold no
/// secret. Values with <c>${env:…}</c> or <c>${generate:…}</c> are secrets and never enter it (the
/// fingerprint is stored in public metadata; hashing them would let anyone test guesses offline, and a
/// generated value differs every build); changing only such a value therefore needs <c>--force</c> to rebuild. The Packer version is not in it either: the plan must not
/// need Packer installed; the version that built an image is recorded in its metadata instead.
/// </summary>
public static class PackerFingerprint
{
    /// <summary>Bumped whenever what goes into the fingerprint changes, so old fingerprints stop matching.</summary>
    private const string FormatVersion = "packer-fingerprint/2";

    /// <summary>Computes the fingerprint, <c>sha256:&lt;hex&gt;</c>, from the manifest and the template directory.</summary>
    public static async Task<string> ComputeAsync(PackerImageSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(fingerprint, FormatVersion);
        Append(fingerprint, "artifact", source.Artifact.Replace('\\', '/'));
        foreach (var (relativePath, fullPath) in PackerTemplate.EnumerateInputFiles(source.FullPath, source.Artifact))
        {
            Append(fingerprint, "file", relativePath, await HashFileAsync(fullPath, cancellationToken));
        }

        foreach (var (name, value) in source.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            Append(fingerprint, "variable", name, PackerVariables.ReferencesSecret(value) ? "(secret)" : value);
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
