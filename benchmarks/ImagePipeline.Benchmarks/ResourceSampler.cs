using System.Globalization;

namespace ImagePipeline.Benchmarks;

/// <summary>
/// Samples, every 100 ms while a child process runs, its peak resident set (VmHWM from /proc) and the
/// bytes under the folders it may write temporary files to (what <c>du -sb</c> would add up).
/// </summary>
internal sealed class ResourceSampler : IAsyncDisposable
{
    private readonly int _pid;
    private readonly IReadOnlyList<string> _folders;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ResourceSampler(int pid, IReadOnlyList<string> folders)
    {
        _pid = pid;
        _folders = folders;
        _loop = Task.Run(LoopAsync);
    }

    public long PeakResidentBytes { get; private set; }

    public long PeakDiskBytes { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            PeakResidentBytes = Math.Max(PeakResidentBytes, ReadPeakResident());
            PeakDiskBytes = Math.Max(PeakDiskBytes, _folders.Sum(DiskUsage));
            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private long ReadPeakResident()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static long DiskUsage(string folder)
    {
        try
        {
            return Directory.Exists(folder)
                ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => SafeLength(f))
                : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static long SafeLength(FileInfo file)
    {
        try
        {
            return file.Length;
        }
        catch (FileNotFoundException)
        {
            return 0;
        }
    }
}
