namespace ImagePipeline.Compression.Managed.Xz;

/// <summary>CRC-64 of xz (ECMA-182, reflected polynomial 0xC96C5795D7870F42), appended in pieces.</summary>
internal static class Crc64
{
    private static readonly ulong[] s_table = CreateTable();

    public static ulong Append(ulong crc, ReadOnlySpan<byte> data)
    {
        crc = ~crc;
        foreach (var value in data)
        {
            crc = s_table[(byte)(crc ^ value)] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static ulong[] CreateTable()
    {
        var table = new ulong[256];
        for (var i = 0UL; i < 256; i++)
        {
            var entry = i;
            for (var bit = 0; bit < 8; bit++)
            {
                entry = (entry & 1) != 0 ? 0xC96C5795D7870F42 ^ (entry >> 1) : entry >> 1;
            }

            table[i] = entry;
        }

        return table;
    }
}
