using System.Diagnostics;

namespace ImagePipeline.Testing;

/// <summary>Runs the real xz / gzip / zstd command-line tools to make test files.</summary>
public static class CompressionTool
{
    /// <summary>Compresses <paramref name="input"/> to <paramref name="output"/> with <c>tool args… -c</c>.</summary>
    public static void Compress(string tool, string input, string output, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(input);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        using (var file = File.Create(output))
        {
            process.StandardOutput.BaseStream.CopyTo(file);
        }

        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors}");
        }
    }

    /// <summary>Runs <c>tool -dc input</c>: its exit code and what it wrote to stdout.</summary>
    public static (int ExitCode, byte[] Output) Decompress(string tool, string input)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-dc");
        start.ArgumentList.Add(input);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {tool}");
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        errors.GetAwaiter().GetResult();
        process.WaitForExit();
        return (process.ExitCode, output.ToArray());
    }

    /// <summary>Deterministic disk-like bytes: runs of zeros, repeated text and random blocks.</summary>
    public static byte[] DiskLikeBytes(int length, int seed = 1)
    {
        var random = new Random(seed);
        var bytes = new byte[length];
        var text = "ImagePipeline test image block "u8.ToArray();
        for (var offset = 0; offset < length; offset += 4096)
        {
            var block = bytes.AsSpan(offset, Math.Min(4096, length - offset));
            switch (random.Next(3))
            {
                case 0:
                    break;
                case 1:
                    for (var i = 0; i < block.Length; i++)
                    {
                        block[i] = text[(i + offset) % text.Length];
                    }

                    break;
                default:
                    random.NextBytes(block);
                    break;
            }
        }

        return bytes;
    }
}
