using System.Diagnostics;

namespace ImagePipeline.Sources;

/// <summary>Counts source bytes and forwards throttled samples to an <see cref="IProgress{T}"/>.</summary>
internal sealed class ProgressMeter(string imageName, IProgress<AcquireProgress>? sink, TimeSpan interval)
{
    private long _started = Stopwatch.GetTimestamp();
    private long _lastReport;
    private long _bytes;

    public long? TotalBytes { get; set; }

    public void Reset()
    {
        _bytes = 0;
        _started = Stopwatch.GetTimestamp();
    }

    public void Add(int count)
    {
        _bytes += count;
        if (sink is not null && Stopwatch.GetElapsedTime(_lastReport) >= interval)
        {
            _lastReport = Stopwatch.GetTimestamp();
            sink.Report(Sample(completed: false));
        }
    }

    public void Complete() => sink?.Report(Sample(completed: true));

    private AcquireProgress Sample(bool completed)
    {
        var seconds = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        return new AcquireProgress(imageName, _bytes, TotalBytes, seconds > 0 ? _bytes / seconds : 0, completed);
    }
}
