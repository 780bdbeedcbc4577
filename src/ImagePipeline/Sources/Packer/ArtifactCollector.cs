using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using ImagePipeline.Verification;

namespace ImagePipeline.Sources.Packer;

/// <summary>
/// Moves a build artifact into the work directory and digests it, reading it exactly once: on the
/// same file system a rename (no bytes copied) then one hashing pass; across file systems one
/// streamed copy that hashes what it writes, then the original is deleted.
/// </summary>
internal static class ArtifactCollector
{
    private const int BufferSize = 1 << 20;

    /// <summary>Moves <paramref name="artifactPath"/> to <paramref name="targetPath"/> and returns its size and digest.</summary>
    public static async Task<(long Size, Checksum Digest)> MoveAndHashAsync(
        string artifactPath,
        string targetPath,
        HashAlgorithmKind algorithm,
        CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(ToName(algorithm));
        long size;
        if (NativeMethods.Rename(artifactPath, targetPath) == 0)
        {
            size = await HashAsync(targetPath, hash, cancellationToken);
        }
        else if (Marshal.GetLastPInvokeError() == NativeMethods.Exdev)
        {
            size = await CopyAndHashAsync(artifactPath, targetPath, hash, cancellationToken);
            File.Delete(artifactPath);
        }
        else
        {
            throw new IOException($"cannot move {artifactPath} to {targetPath}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        return (size, Checksum.FromBytes(algorithm, hash.GetHashAndReset()));
    }

    private static async Task<long> HashAsync(string path, IncrementalHash hash, CancellationToken cancellationToken)
    {
        await using var input = OpenRead(path);
        return await PumpAsync(input, output: null, hash, cancellationToken);
    }

    private static async Task<long> CopyAndHashAsync(string source, string target, IncrementalHash hash, CancellationToken cancellationToken)
    {
        await using var input = OpenRead(source);
        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0, FileOptions.Asynchronous);
        return await PumpAsync(input, output, hash, cancellationToken);
    }

    private static async Task<long> PumpAsync(Stream input, Stream? output, IncrementalHash hash, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long total = 0;
            int read;
            while ((read = await input.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                if (output is not null)
                {
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }

                total += read;
            }

            return total;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.Asynchronous | FileOptions.SequentialScan);

    private static HashAlgorithmName ToName(HashAlgorithmKind algorithm) => algorithm switch
    {
        HashAlgorithmKind.Sha256 => HashAlgorithmName.SHA256,
        HashAlgorithmKind.Sha512 => HashAlgorithmName.SHA512,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, null),
    };
}
