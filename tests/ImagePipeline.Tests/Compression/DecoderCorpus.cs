using System.Collections.Concurrent;
using ImagePipeline.Compression;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Compression;

/// <summary>
/// Good and bad compressed inputs in the categories of the peer suites (xz-utils' tests/files,
/// zstd's golden files, gzip truncation and trailer cases), made at test time by the real
/// <c>xz</c>, <c>gzip</c> and <c>zstd</c> and byte edits of their output. Each case's expected
/// outcome is also checked against the real tool's <c>-dc</c>.
/// </summary>
public sealed class DecoderCorpus : IDisposable
{
    private readonly TempDirectory _work = new("decoder-corpus");
    private readonly ConcurrentDictionary<string, byte[]> _made = new();

    public DecoderCorpus()
    {
        Raw = CompressionTool.DiskLikeBytes(300_000, seed: 7);
        File.WriteAllBytes(_work.Combine("raw"), Raw);
        File.WriteAllBytes(_work.Combine("small"), Small);
        File.WriteAllBytes(_work.Combine("empty"), []);
    }

    /// <summary>What the "raw" inputs decode to.</summary>
    public byte[] Raw { get; }

    public static byte[] Small => "a second, small member\n"u8.ToArray();

    public static IReadOnlyList<DecoderCase> Cases { get; } = [.. XzCases.All, .. GzipCases.All, .. ZstdCases.All];

    /// <summary><c>tool args… -c</c> of the named input ("raw", "small" or "empty"), made once.</summary>
    public byte[] Compressed(string tool, string input, params string[] arguments) =>
        _made.GetOrAdd($"{tool} {input} {string.Join(' ', arguments)}", _ =>
        {
            var output = _work.Combine(Guid.NewGuid().ToString("N"));
            CompressionTool.Compress(tool, _work.Combine(input), output, arguments);
            return File.ReadAllBytes(output);
        });

    /// <summary>The case's bytes written to a file (for the real tool and for our decoders).</summary>
    public string Write(DecoderCase @case)
    {
        var path = _work.Combine(@case.Name);
        if (!File.Exists(path))
        {
            File.WriteAllBytes(path, @case.Make(this));
        }

        return path;
    }

    public void Dispose() => _work.Dispose();

    public static DecoderCase Case(string name) => Cases.Single(c => c.Name == name);

    public static CompressionFormat FormatOf(string name) => Case(name).Format;
}
