using ImagePipeline.Testing;

namespace ImagePipeline.Benchmarks.Cases;

/// <summary>
/// <c>memory</c>: peak resident memory of an Acquire in a child process (VmHWM), for the disk-like
/// image and for a long sparse one (concatenated .xz streams, so it decodes fast). The decoded
/// output is written to disk and deleted by the child.
/// </summary>
internal sealed class MemoryBenchmark(BenchmarkSettings settings, BenchmarkFiles files, ResultTable table, HttpsTestServer server)
{
    private const double LimitMegabytes = 250;

    public async Task RunAsync()
    {
        Console.WriteLine("Peak memory of Acquire (child process)");
        var output = Path.Combine(files.Scratch, "memory");
        Directory.CreateDirectory(output);
        await MeasureAsync($"Peak RSS, Acquire {AcquireBenchmark.SizeLabel(settings.Size)} single-block .xz", server.Url("/single.raw.xz"), output);
        await MeasureAsync($"Peak RSS, Acquire {AcquireBenchmark.SizeLabel(files.LargeDecodedSize)} sparse .xz", server.Url("/large.raw.xz"), output);
        Directory.Delete(output, recursive: true);
    }

    private async Task MeasureAsync(string name, Uri url, string output)
    {
        var (peak, seconds, cpu) = await ChildAcquire.MeasureAsync(url, server.CertificatePemPath, output);
        table.Add(ResultRow.Absolute(name, peak / 1e6, "MB", LimitMegabytes, note: $"one child run: {seconds:0.0} s wall, {cpu:0.0} s CPU"));
    }
}
