namespace ImagePipeline.Publishing;

/// <summary>
/// An exclusive lock on one image name within one checkout (<c>&lt;work root&gt;/locks/&lt;image&gt;.lock</c>,
/// held open with <see cref="FileShare.None"/>, which is <c>flock</c> on Unix and dies with the process):
/// a second run publishing the same image fails that image clearly instead of cutting the first run's upload.
/// </summary>
internal sealed class ImageLock : IDisposable
{
    private readonly FileStream _file;

    private ImageLock(FileStream file) => _file = file;

    /// <exception cref="PublishException">Another live run holds the lock.</exception>
    public static ImageLock Take(string workRoot, string imageName)
    {
        var path = Path.Combine(workRoot, "locks", imageName + ".lock");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new ImageLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new PublishException(imageName,
                $"another run in this checkout is publishing {imageName} right now (it holds {path}); wait for it to finish, then run again", e);
        }
    }

    public void Dispose() => _file.Dispose();
}
