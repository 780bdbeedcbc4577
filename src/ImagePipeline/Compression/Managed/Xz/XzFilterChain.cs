using SharpCompress.Compressors.Xz.Filters;

namespace ImagePipeline.Compression.Managed.Xz;

/// <summary>
/// Builds a block's decoding chain: SharpCompress's LZMA2 decoder on the compressed bytes, then the
/// other filters in reverse order (delta ours; x86, PowerPC, IA-64, ARM, ARM-Thumb, SPARC
/// SharpCompress's). ARM64 and RISC-V are not available managed: such files need liblzma.
/// </summary>
internal static class XzFilterChain
{
    public static Stream Open(IReadOnlyList<XzFilter> filters, Stream compressed, long memoryLimit)
    {
        var lzma2 = new Lzma2Filter();
        lzma2.Init(filters[^1].Properties);
        lzma2.ValidateFilter();
        if (lzma2.DictionarySize > memoryLimit)
        {
            throw new XzFormatException($"the LZMA2 dictionary ({lzma2.DictionarySize:N0} bytes) is larger than the memory limit");
        }

        lzma2.SetBaseStream(compressed);
        Stream chain = lzma2;
        for (var i = filters.Count - 2; i >= 0; i--)
        {
            chain = Wrap(filters[i], chain);
        }

        return chain;
    }

    private static Stream Wrap(XzFilter filter, Stream inner)
    {
        if (filter.Id == 0x03)
        {
            return filter.Properties.Length == 1
                ? new DeltaFilterStream(inner, filter.Properties[0] + 1)
                : throw new XzFormatException("the delta filter needs exactly one property byte");
        }

        BlockFilter bcj = filter.Id switch
        {
            0x04 => new X86Filter(),
            0x05 => new PowerPCFilter(),
            0x06 => new IA64Filter(),
            0x07 => new ArmFilter(),
            0x08 => new ArmThumbFilter(),
            0x09 => new SparcFilter(),
            0x0A => throw new XzFormatException("the ARM64 filter is not available in the managed xz decoder; install liblzma5 (apt-get install liblzma5)"),
            _ => throw new XzFormatException($"unsupported filter 0x{filter.Id:X2}"),
        };
        bcj.Init(filter.Properties);
        bcj.ValidateFilter();
        bcj.SetBaseStream(inner);
        return bcj;
    }
}
