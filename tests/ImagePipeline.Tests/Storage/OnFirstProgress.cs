using ImagePipeline.Storage;

namespace ImagePipeline.Tests.Storage;

/// <summary>
/// Runs an action synchronously on the first progress report of a chosen key — i.e. while the upload
/// is provably in progress (some bytes stored, nothing committed yet).
/// </summary>
public sealed class OnFirstProgress : IProgress<UploadProgress>
{
    private Action? _action;
    private string? _key;

    public void Arm(string key, Action action)
    {
        _key = key;
        _action = action;
    }

    public bool Fired { get; private set; }

    public void Report(UploadProgress value)
    {
        if (value.Key == _key && Interlocked.Exchange(ref _action, null) is { } action)
        {
            Fired = true;
            action();
        }
    }
}
