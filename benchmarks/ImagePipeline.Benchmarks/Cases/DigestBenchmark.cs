using ImagePipeline.Verification;

namespace ImagePipeline.Benchmarks.Cases;

/// <summary>
/// <c>sha</c>: SHA-256 of the raw image (page cache) with <see cref="IncrementalDigest"/> in 1 MiB
/// appends, as the pipeline stages feed it, versus <c>openssl dgst -sha256</c>.
/// </summary>
internal sealed class DigestBenchmark(BenchmarkSettings settings, BenchmarkFiles files, ResultTable table)
{
    public async Task RunAsync()
    {
        Console.WriteLine("SHA-256 throughput");
        Checksum? ours = null;
        var medians = await Timing.MedianSecondsAsync(settings.Runs, cleanup: null,
            () =>
            {
                ours = Digest(files.Raw);
                return Task.CompletedTask;
            },
            () => Shell.RunAsync($"openssl dgst -sha256 {Shell.Quote(files.Raw)} > /dev/null"));
        var openssl = (await Shell.RunAsync($"openssl dgst -sha256 -r {Shell.Quote(files.Raw)}")).Split(' ')[0];
        if (ours!.Hex != openssl)
        {
            throw new InvalidOperationException($"SHA-256 differs from openssl's: {ours.Hex} vs {openssl}");
        }

        table.Add(ResultRow.Throughput("SHA-256 (IncrementalDigest)", new FileInfo(files.Raw).Length, medians[0], "openssl dgst -sha256", medians[1], minRatio: 0.9));
    }

    public static Checksum Digest(string path)
    {
        using var digest = new IncrementalDigest(HashAlgorithmKind.Sha256);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        var buffer = new byte[1 << 20];
        int count;
        while ((count = file.Read(buffer)) > 0)
        {
            digest.Append(buffer.AsSpan(0, count));
        }

        return digest.Finish();
    }
}
