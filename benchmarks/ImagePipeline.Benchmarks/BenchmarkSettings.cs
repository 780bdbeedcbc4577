using System.Globalization;

namespace ImagePipeline.Benchmarks;

/// <summary>Command line of a benchmark run.</summary>
internal sealed record BenchmarkSettings
{
    public static readonly string[] AllCases = ["xz", "sha", "acquire", "memory", "upload", "sync", "publish"];

    public const string Usage = """
        usage: ImagePipeline.Benchmarks [--case NAME]... [--runs N] [--size SIZE] [--large-size SIZE]
                                        [--sync-images N] [--work-dir DIR] [--strict]
          --case        xz | sha | acquire | memory | upload | sync | publish (repeatable or comma-separated; default: all)
          --runs        measured runs per command; the table shows medians (default 3)
          --size        size of the disk-like image (default 1GiB; e.g. 256MiB for a quick run)
          --large-size  size of the sparse image of the memory case (default 8GiB)
          --sync-images images in the no-op Sync manifest (default 500)
          --work-dir    where generated inputs are cached between runs (default $TMPDIR/imagepipeline-bench)
          --strict      exit 1 when a goal is missed
        """;

    public IReadOnlyList<string> Cases { get; init; } = AllCases;

    public int Runs { get; init; } = 3;

    public long Size { get; init; } = 1L << 30;

    public long LargeSize { get; init; } = 8L << 30;

    public int SyncImages { get; init; } = 500;

    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "imagepipeline-bench");

    public bool Strict { get; init; }

    public bool Includes(string name) => Cases.Contains(name);

    /// <exception cref="ArgumentException">An unknown option or a bad value.</exception>
    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchmarkSettings();
        var cases = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--case":
                    cases.AddRange(Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--runs":
                    settings = settings with { Runs = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)) };
                    break;
                case "--size":
                    settings = settings with { Size = ParseSize(Value()) };
                    break;
                case "--large-size":
                    settings = settings with { LargeSize = ParseSize(Value()) };
                    break;
                case "--sync-images":
                    settings = settings with { SyncImages = Math.Max(1, int.Parse(Value(), CultureInfo.InvariantCulture)) };
                    break;
                case "--work-dir":
                    settings = settings with { WorkDirectory = Path.GetFullPath(Value()) };
                    break;
                case "--strict":
                    settings = settings with { Strict = true };
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        var unknown = cases.Except(AllCases).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"unknown case(s) {string.Join(", ", unknown)}; known: {string.Join(", ", AllCases)}");
        }

        return cases.Count == 0 ? settings : settings with { Cases = cases.Distinct().ToList() };
    }

    /// <summary>Bytes, or a number with KiB, MiB or GiB (e.g. 256MiB).</summary>
    public static long ParseSize(string text)
    {
        (string Suffix, long Factor)[] units = [("GiB", 1L << 30), ("MiB", 1L << 20), ("KiB", 1L << 10), ("B", 1)];
        foreach (var (suffix, factor) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return long.Parse(text[..^suffix.Length], CultureInfo.InvariantCulture) * factor;
            }
        }

        return long.Parse(text, CultureInfo.InvariantCulture);
    }
}
