using System.Buffers.Binary;
using System.Security.Cryptography;

namespace ImagePipeline.Compression.Managed.Xz;

/// <summary>A block's integrity check (the stream flags' check type): none, CRC32, CRC64 or SHA-256.</summary>
internal sealed class XzCheck : IDisposable
{
    private readonly int _type;
    private readonly IncrementalHash? _sha256;
    private readonly System.IO.Hashing.Crc32 _crc32 = new(); // vectorised; the block data is the hot path
    private ulong _crc64;

    private XzCheck(int type)
    {
        _type = type;
        _sha256 = type == 0x0A ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
    }

    /// <summary>Bytes the check field takes for <paramref name="type"/> (the format defines sizes for all 16 types).</summary>
    public static int SizeOf(int type) => type == 0 ? 0 : 4 << ((type - 1) / 3);

    /// <summary>True for the types liblzma verifies: none, CRC32, CRC64, SHA-256.</summary>
    public static bool IsSupported(int type) => type is 0x00 or 0x01 or 0x04 or 0x0A;

    public static XzCheck Create(int type) => new(type);

    public void Append(ReadOnlySpan<byte> data)
    {
        switch (_type)
        {
            case 0x01:
                _crc32.Append(data);
                break;
            case 0x04:
                _crc64 = Crc64.Append(_crc64, data);
                break;
            case 0x0A:
                _sha256!.AppendData(data);
                break;
        }
    }

    /// <summary>True when <paramref name="stored"/> is the check of everything appended.</summary>
    public bool Matches(ReadOnlySpan<byte> stored)
    {
        Span<byte> computed = stackalloc byte[32];
        switch (_type)
        {
            case 0x01:
                BinaryPrimitives.WriteUInt32LittleEndian(computed, _crc32.GetCurrentHashAsUInt32());
                return stored.SequenceEqual(computed[..4]);
            case 0x04:
                BinaryPrimitives.WriteUInt64LittleEndian(computed, _crc64);
                return stored.SequenceEqual(computed[..8]);
            case 0x0A:
                _sha256!.GetHashAndReset(computed);
                return stored.SequenceEqual(computed);
            default:
                return stored.IsEmpty;
        }
    }

    public void Dispose() => _sha256?.Dispose();
}
