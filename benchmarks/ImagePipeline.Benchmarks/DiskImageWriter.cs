namespace ImagePipeline.Benchmarks;

/// <summary>
/// Deterministic bytes that compress like a raw disk image: 64 KiB blocks that are zero (unused
/// space), text-like (file systems full of configs, logs and binaries' strings) or random (already
/// compressed files, encrypted data). The mix decides the xz ratio.
/// </summary>
internal sealed class DiskImageWriter(double zeroShare, double randomShare, int seed = 42)
{
    private const int BlockSize = 64 * 1024;

    private static readonly byte[] Corpus = BuildCorpus();

    /// <summary>Unused space, file-system data and incompressible data: xz ratio ≈ 4×.</summary>
    public static DiskImageWriter DiskLike => new(zeroShare: 0.40, randomShare: 0.22);

    /// <summary>A mostly empty disk (ratio ≫ 10×), for long images that still decode fast.</summary>
    public static DiskImageWriter Sparse => new(zeroShare: 0.96, randomShare: 0.02);

    public void Write(Stream output, long size)
    {
        var random = new Random(seed);
        var block = new byte[BlockSize];
        for (long offset = 0; offset < size; offset += BlockSize)
        {
            var length = (int)Math.Min(BlockSize, size - offset);
            var kind = random.NextDouble();
            if (kind < zeroShare)
            {
                Array.Clear(block);
            }
            else if (kind < zeroShare + randomShare)
            {
                random.NextBytes(block);
            }
            else
            {
                FillText(block, random);
            }

            output.Write(block, 0, length);
        }
    }

    /// <summary>Slices of a text corpus: long matches, like files that share content (xz's common case).</summary>
    private static void FillText(Span<byte> block, Random random)
    {
        var position = 0;
        while (position < block.Length)
        {
            var count = Math.Min(random.Next(256, 4097), block.Length - position);
            var start = random.Next(Corpus.Length - count);
            Corpus.AsSpan(start, count).CopyTo(block[position..]);
            position += count;
        }
    }

    /// <summary>1 MiB of pseudo-words (2–12 lowercase letters and a separator) drawn from a 4096-word vocabulary.</summary>
    private static byte[] BuildCorpus()
    {
        var random = new Random(7);
        byte[] separators = " \n/=._:"u8.ToArray();
        byte[][] words = [.. Enumerable.Range(0, 4096).Select(_ =>
        {
            var word = new byte[random.Next(2, 13) + 1];
            for (var i = 0; i < word.Length - 1; i++)
            {
                word[i] = (byte)('a' + random.Next(26));
            }

            word[^1] = separators[random.Next(separators.Length)];
            return word;
        })];
        var corpus = new byte[1 << 20];
        var position = 0;
        while (position < corpus.Length)
        {
            var word = words[random.Next(words.Length)];
            var count = Math.Min(word.Length, corpus.Length - position);
            word.AsSpan(0, count).CopyTo(corpus.AsSpan(position));
            position += count;
        }

        return corpus;
    }
}
