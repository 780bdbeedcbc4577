using ImagePipeline.Compression;

namespace ImagePipeline.Benchmarks.Cases;

/// <summary>
/// <c>xz</c>: the native decoder alone (liblzma through <see cref="DecoderFactory"/>, as Acquire
/// opens it) from a cached file into a discarded buffer, versus <c>xz -dc f.xz &gt; /dev/null</c> with
/// the same number of threads (1 for the single-block file, 2 for the multi-block one).
/// </summary>
internal sealed class DecodeBenchmark(BenchmarkSettings settings, BenchmarkFiles files, ResultTable table)
{
    public async Task RunAsync()
    {
        Console.WriteLine("xz decode throughput");
        await CompareAsync("xz decode, single-block (native)", files.SingleBlockXz, "xz -T1 -dc > /dev/null", threads: 1);
        await CompareAsync("xz decode, multi-block (native, 2 threads)", files.MultiBlockXz, "xz -T2 -dc > /dev/null", threads: 2);
    }

    private async Task CompareAsync(string name, string path, string reference, int threads)
    {
        var factory = new DecoderFactory(new DecoderOptions(DecoderImplementation.Native, Threads: threads));
        var tool = reference.Replace(" > /dev/null", $" {Shell.Quote(path)} > /dev/null", StringComparison.Ordinal);
        long decoded = 0;
        var medians = await Timing.MedianSecondsAsync(settings.Runs, cleanup: null,
            async () => decoded = await DecodeAsync(factory, path),
            () => Shell.RunAsync(tool));
        table.Add(ResultRow.Throughput(name, decoded, medians[0], reference, medians[1], minRatio: 0.95));
    }

    private static async Task<long> DecodeAsync(DecoderFactory factory, string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        await using (file)
        {
            var decoder = factory.Open(CompressionFormat.Xz, file, "bench");
            await using (decoder)
            {
                var buffer = new byte[1 << 20];
                long total = 0;
                int count;
                while ((count = await decoder.ReadAsync(buffer)) > 0)
                {
                    total += count;
                }

                return total;
            }
        }
    }
}
