using System.Diagnostics;

namespace ImagePipeline.Progress;

/// <summary>
/// Live counters of one image — source bytes read, output bytes produced, bytes the store accepted —
/// updated from the pipeline's threads (lock-free) and read by displays through <see cref="Snapshot"/>.
/// A download that restarts from byte 0 resets them.
/// </summary>
public sealed class ImageProgress(string imageName)
{
    private long _source;
    private long _output;
    private long _uploaded;
    private long _sourceTotal = -1;
    private long _started = Stopwatch.GetTimestamp();
    private int _stage;

    public string ImageName { get; } = imageName;

    public ImageStage Stage => (ImageStage)Volatile.Read(ref _stage);

    public void Enter(ImageStage stage)
    {
        if (stage == ImageStage.Acquiring)
        {
            Interlocked.Exchange(ref _started, Stopwatch.GetTimestamp());
        }

        Volatile.Write(ref _stage, (int)stage);
    }

    public void SetSourceTotal(long? total) => Interlocked.Exchange(ref _sourceTotal, total ?? -1);

    public void AddSource(long bytes) => Interlocked.Add(ref _source, bytes);

    public void AddOutput(long bytes) => Interlocked.Add(ref _output, bytes);

    public void SetUploaded(long bytes) => Interlocked.Exchange(ref _uploaded, bytes);

    /// <summary>Everything counted so far no longer counts (the source starts again at byte 0).</summary>
    public void Restart()
    {
        Interlocked.Exchange(ref _source, 0);
        Interlocked.Exchange(ref _output, 0);
        Interlocked.Exchange(ref _uploaded, 0);
        Interlocked.Exchange(ref _started, Stopwatch.GetTimestamp());
    }

    public ImageProgressSnapshot Snapshot()
    {
        var total = Interlocked.Read(ref _sourceTotal);
        return new ImageProgressSnapshot(
            ImageName,
            Stage,
            Interlocked.Read(ref _source),
            total < 0 ? null : total,
            Interlocked.Read(ref _output),
            Interlocked.Read(ref _uploaded),
            Stopwatch.GetElapsedTime(Interlocked.Read(ref _started)));
    }
}
