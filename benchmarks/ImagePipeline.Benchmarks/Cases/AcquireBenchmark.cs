using ImagePipeline.Testing;

namespace ImagePipeline.Benchmarks.Cases;

/// <summary>
/// <c>acquire</c>: the production Acquire of the disk-like image served as .xz by the local Kestrel
/// HTTPS server (both digests, output written to disk) against the physical limit (<c>xz -dc</c>
/// of the cached file) and against the sequential shell pipeline a user would write. Start-up is
/// excluded (one untimed warm-up acquire); the TLS handshake of each run is included.
/// </summary>
internal sealed class AcquireBenchmark(BenchmarkSettings settings, BenchmarkFiles files, ResultTable table, HttpsTestServer server)
{
    public async Task RunAsync()
    {
        Console.WriteLine("Acquire over HTTPS");
        var output = Path.Combine(files.Scratch, "acquire");
        var expected = DigestBenchmark.Digest(files.Raw);
        await WarmUpAsync(output);

        var single = server.Url("/single.raw.xz");
        var cacert = Shell.Quote(server.CertificatePemPath);
        var xz = Shell.Quote(Path.Combine(output, "f.xz"));
        var raw = Shell.Quote(Path.Combine(output, "f"));
        var userPipeline = $"curl -sS --fail --cacert {cacert} -o {xz} {Shell.Quote(single.ToString())} && openssl dgst -sha256 {xz} > /dev/null"
            + $" && xz -dc {xz} > {raw} && openssl dgst -sha256 {raw} > /dev/null";
        var medians = await Timing.MedianSecondsAsync(settings.Runs, () => Clean(output),
            () => AcquireAndCheckAsync(single, output, expected.Hex),
            () => Shell.RunAsync($"xz -T1 -dc {Shell.Quote(files.SingleBlockXz)} > /dev/null"),
            () => Shell.RunAsync(userPipeline));
        var size = SizeLabel(settings.Size);
        table.Add(ResultRow.Time($"Acquire {size} single-block .xz (HTTPS, 2 digests, write)", medians[0], "xz -dc f.xz > /dev/null", medians[1], maxRatio: 1.1));
        table.Add(ResultRow.Time($"Acquire {size} single-block .xz", medians[0], "curl && openssl && xz -dc > f && openssl", medians[2], maxRatio: null));

        var multi = server.Url("/multi.raw.xz");
        medians = await Timing.MedianSecondsAsync(settings.Runs, () => Clean(output),
            () => AcquireAndCheckAsync(multi, output, expected.Hex),
            () => Shell.RunAsync($"xz -T1 -dc {Shell.Quote(files.MultiBlockXz)} > /dev/null"),
            () => Shell.RunAsync($"xz -T2 -dc {Shell.Quote(files.MultiBlockXz)} > /dev/null"));
        table.Add(ResultRow.Time($"Acquire {size} multi-block .xz (xz -T2)", medians[0], "xz -T1 -dc (single-threaded)", medians[1], maxRatio: 0.6));
        table.Add(ResultRow.Time($"Acquire {size} multi-block .xz (xz -T2)", medians[0], "xz -T2 -dc (2 threads)", medians[2], maxRatio: null));
    }

    public static string SizeLabel(long bytes) => bytes % (1L << 30) == 0 ? $"{bytes >> 30} GiB" : $"{bytes >> 20} MiB";

    private async Task AcquireAndCheckAsync(Uri url, string output, string expectedHex)
    {
        var acquired = await HttpAcquire.RunAsync(url, server.CertificatePemPath, output, CancellationToken.None);
        if (acquired.OutputDigest.Hex != expectedHex || acquired.Size != settings.Size)
        {
            throw new InvalidOperationException($"Acquire produced {acquired.Size} bytes {acquired.OutputDigest}, expected {settings.Size} bytes sha256:{expectedHex}");
        }
    }

    /// <summary>JIT and connection pools warm: a small image through the same code path.</summary>
    private async Task WarmUpAsync(string output)
    {
        var raw = Path.Combine(files.Scratch, "warm.raw");
        await using (var file = File.Create(raw))
        {
            DiskImageWriter.DiskLike.Write(file, 16L << 20);
        }

        CompressionTool.Compress("xz", raw, raw + ".xz", "-3", "-T1");
        server.Map("/warm.raw.xz", new TestRoute { Content = await File.ReadAllBytesAsync(raw + ".xz") });
        await HttpAcquire.RunAsync(server.Url("/warm.raw.xz"), server.CertificatePemPath, output, CancellationToken.None);
        Clean(output);
        File.Delete(raw);
        File.Delete(raw + ".xz");
    }

    private static void Clean(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
    }
}
