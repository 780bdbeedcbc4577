using System.Collections.Concurrent;
using ImagePipeline.Storage;

namespace ImagePipeline.Progress;

/// <summary>
/// Every image's <see cref="ImageProgress"/> of one run, for displays to read. Also receives the
/// stores' <see cref="UploadProgress"/> (by object key) and books it to the image publishing that key.
/// </summary>
public sealed class ProgressBoard : IProgress<UploadProgress>
{
    private readonly ConcurrentDictionary<string, ImageProgress> _images = new(StringComparer.Ordinal);
    private readonly List<ImageProgress> _order = [];
    private readonly ConcurrentDictionary<string, ImageProgress> _byKey = new(StringComparer.Ordinal);

    /// <summary>The images in the order they were first asked for.</summary>
    public IReadOnlyList<ImageProgress> Images
    {
        get
        {
            lock (_order)
            {
                return [.. _order];
            }
        }
    }

    public ImageProgress For(string imageName) => _images.GetOrAdd(imageName, name =>
    {
        var progress = new ImageProgress(name);
        lock (_order)
        {
            _order.Add(progress);
        }

        return progress;
    });

    /// <summary>Books uploads of <paramref name="key"/> to <paramref name="progress"/>.</summary>
    public void Track(string key, ImageProgress progress) => _byKey[key] = progress;

    public void Report(UploadProgress value)
    {
        if (_byKey.TryGetValue(value.Key, out var progress))
        {
            progress.SetUploaded(value.BytesStored);
        }
    }
}
