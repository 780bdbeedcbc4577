using System.Security.Cryptography;
using ImagePipeline.Verification;

namespace ImagePipeline.Tests.Storage;

/// <summary>Incompressible test files, hashed while written.</summary>
public static class RandomFile
{
    public static async Task<Checksum> WriteAsync(string path, long size)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1024 * 1024];
        await using var file = File.Create(path);
        for (long written = 0; written < size; written += buffer.Length)
        {
            var chunk = buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - written));
            RandomNumberGenerator.Fill(chunk.Span);
            sha.AppendData(chunk.Span);
            await file.WriteAsync(chunk);
        }

        return Checksum.FromBytes(HashAlgorithmKind.Sha256, sha.GetHashAndReset());
    }

    public static async Task<Checksum> HashAsync(Stream stream)
    {
        var digest = await SHA256.HashDataAsync(stream);
        return Checksum.FromBytes(HashAlgorithmKind.Sha256, digest);
    }
}
