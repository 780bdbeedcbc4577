using System.Diagnostics;
using System.Globalization;

namespace ImagePipeline.Benchmarks;

/// <summary>
/// The generated inputs, cached in the work directory between runs (generating and compressing
/// 1 GiB takes about a minute): the raw disk-like image, its single-block and multi-block .xz, and a
/// long sparse .xz made by concatenating one compressed chunk (xz decodes concatenated streams).
/// </summary>
internal sealed class BenchmarkFiles(BenchmarkSettings settings)
{
    /// <summary>xz preset: decoding speed hardly depends on it; -6 would take minutes to make 1 GiB.</summary>
    private const string Preset = "-3";

    private string Name(string suffix) =>
        Path.Combine(settings.WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"disk-{settings.Size >> 20}MiB{suffix}"));

    public string Raw => Name(".raw");

    public string SingleBlockXz => Name(".raw.xz");

    public string MultiBlockXz => Name(".mt.raw.xz");

    /// <summary>A mostly empty disk of the same size (the common real case: I/O and overhead dominate, not decoding).</summary>
    public string ZeroHeavyRaw => Name(".sparse.raw");

    public string ZeroHeavyXz => Name(".sparse.raw.xz");

    public string LargeXz => Path.Combine(settings.WorkDirectory, string.Create(CultureInfo.InvariantCulture, $"sparse-{settings.LargeSize >> 20}MiB.raw.xz"));

    public string Scratch => Path.Combine(settings.WorkDirectory, "scratch");

    public void PrepareDiskImages()
    {
        Directory.CreateDirectory(settings.WorkDirectory);
        Directory.CreateDirectory(Scratch);
        Create(Raw, path =>
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            DiskImageWriter.DiskLike.Write(file, settings.Size);
        });

        // -T1 is xz's single-threaded mode: one block. -T2 cuts blocks of 3 × dictionary size.
        Create(SingleBlockXz, path => Shell.RunAsync($"xz {Preset} -T1 -c {Shell.Quote(Raw)} > {Shell.Quote(path)}").GetAwaiter().GetResult());
        Create(MultiBlockXz, path => Shell.RunAsync($"xz {Preset} -T2 -c {Shell.Quote(Raw)} > {Shell.Quote(path)}").GetAwaiter().GetResult());
    }

    public void PrepareZeroHeavyImage()
    {
        Directory.CreateDirectory(settings.WorkDirectory);
        Create(ZeroHeavyRaw, path =>
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            DiskImageWriter.Sparse.Write(file, settings.Size);
        });
        Create(ZeroHeavyXz, path => Shell.RunAsync($"xz {Preset} -T1 -c {Shell.Quote(ZeroHeavyRaw)} > {Shell.Quote(path)}").GetAwaiter().GetResult());
    }

    public void PrepareLargeImage()
    {
        Directory.CreateDirectory(settings.WorkDirectory);
        Create(LargeXz, path =>
        {
            const long chunk = 256L << 20;
            var chunkPath = path + ".chunk";
            using (var xz = Process.Start(new ProcessStartInfo("bash", ["-c", $"xz {Preset} -T2 -c > {Shell.Quote(chunkPath)}"]) { RedirectStandardInput = true })!)
            {
                DiskImageWriter.Sparse.Write(xz.StandardInput.BaseStream, chunk);
                xz.StandardInput.Close();
                xz.WaitForExit();
            }

            using (var output = File.Create(path))
            {
                var bytes = File.ReadAllBytes(chunkPath);
                for (long written = 0; written < settings.LargeSize; written += chunk)
                {
                    output.Write(bytes);
                }
            }

            File.Delete(chunkPath);
        });
    }

    /// <summary>Bytes of the decompressed <see cref="LargeXz"/> (a whole number of 256 MiB chunks).</summary>
    public long LargeDecodedSize => Math.Max(1, (settings.LargeSize + (256L << 20) - 1) / (256L << 20)) * (256L << 20);

    /// <summary>Creates <paramref name="path"/> through a temp name unless it exists (an interrupted run leaves no half file).</summary>
    private static void Create(string path, Action<string> make)
    {
        if (File.Exists(path))
        {
            return;
        }

        Console.WriteLine($"  generating {Path.GetFileName(path)}…");
        var started = Stopwatch.GetTimestamp();
        var temp = path + ".tmp";
        File.Delete(temp);
        make(temp);
        File.Move(temp, path);
        Console.WriteLine($"  generated {Path.GetFileName(path)} ({new FileInfo(path).Length >> 20} MiB) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    public static void DeleteQuietly(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the next run overwrites it.
        }
    }
}
