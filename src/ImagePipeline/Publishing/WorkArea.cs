namespace ImagePipeline.Publishing;

/// <summary>
/// A run's own work folder, <c>&lt;work root&gt;/runs/&lt;id&gt;/</c>, locked for the run's lifetime and
/// deleted when it ends; folders of dead runs (killed before they could delete theirs) are removed when
/// the next run creates its own. Nothing per image is shared between runs.
/// </summary>
internal sealed class WorkArea : IDisposable
{
    private readonly FileStream _lock;

    private WorkArea(string directory, FileStream lockFile)
    {
        Directory = directory;
        _lock = lockFile;
    }

    public string Directory { get; }

    public static WorkArea Create(string workRoot)
    {
        var runs = Path.Combine(workRoot, "runs");
        System.IO.Directory.CreateDirectory(runs);
        RemoveAbandoned(runs);
        var id = $"{DateTime.UtcNow:yyyyMMddTHHmmss}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}";
        var lockFile = new FileStream(Path.Combine(runs, id + ".lock"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        var directory = Path.Combine(runs, id);
        System.IO.Directory.CreateDirectory(directory);
        return new WorkArea(directory, lockFile);
    }

    public void Dispose()
    {
        TryDeleteDirectory(Directory);
        var lockPath = _lock.Name;
        _lock.Dispose();
        File.Delete(lockPath);
    }

    private static void RemoveAbandoned(string runs)
    {
        foreach (var lockPath in System.IO.Directory.EnumerateFiles(runs, "*.lock"))
        {
            try
            {
                using (new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    TryDeleteDirectory(Path.ChangeExtension(lockPath, null));
                }

                File.Delete(lockPath);
            }
            catch (IOException)
            {
                // A live run's folder.
            }
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (System.IO.Directory.Exists(path))
            {
                System.IO.Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next run removes it.
        }
    }
}
