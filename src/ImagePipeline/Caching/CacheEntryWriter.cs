using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Caching;

/// <summary>
/// A copy of a download being written into <see cref="DownloadCache"/> while the pipeline reads it.
/// Best effort: when writing fails (a full disk) or the copy grows past the cache's bound, the copy is
/// dropped with one line saying why and the image goes on. <see cref="Admit"/> keeps it only when the
/// bytes hash to the manifest's checksum; disposal deletes whatever was not admitted.
/// </summary>
public sealed class CacheEntryWriter : IAsyncDisposable
{
    private readonly DownloadCache _cache;
    private readonly string _imageName;
    private readonly Checksum _expected;
    private readonly ILogger _logger;
    private readonly string _tempPath;
    private FileStream? _file;
    private long _written;

    internal CacheEntryWriter(DownloadCache cache, string imageName, Checksum expected, ILogger logger)
    {
        _cache = cache;
        _imageName = imageName;
        _expected = expected;
        _logger = logger;
        _tempPath = cache.CreateTempPath(expected);
        _file = new FileStream(_tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
    }

    /// <summary>True while the copy is still being kept.</summary>
    public bool IsActive => _file is not null;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (_file is null)
        {
            return;
        }

        _written += data.Length;
        if (_written > _cache.MaxSize)
        {
            await DropAsync($"the download is larger than the cache holds ({ByteSize.Format(_cache.MaxSize)}, --cache-max-size)");
            return;
        }

        try
        {
            await _file.WriteAsync(data, cancellationToken);
        }
        catch (IOException e)
        {
            await DropAsync($"writing the cache failed ({e.Message})");
        }
    }

    /// <summary>Told the source's size once it is known: a source the cache cannot hold is not copied at all.</summary>
    public async ValueTask ExpectLengthAsync(long? length)
    {
        if (_file is not null && length > _cache.MaxSize)
        {
            await DropAsync($"it is {ByteSize.Format(length.Value)}, more than the cache holds ({ByteSize.Format(_cache.MaxSize)}, --cache-max-size)", warn: false);
        }
    }

    /// <summary>The download starts again from byte 0: so does the copy.</summary>
    public void Restart()
    {
        if (_file is not null)
        {
            _file.SetLength(0);
            _written = 0;
        }
    }

    /// <summary>Moves the copy into the cache when <paramref name="actual"/> is the expected digest; returns whether it did.</summary>
    public async Task<bool> AdmitAsync(Checksum actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (_file is null)
        {
            return false;
        }

        if (actual != _expected)
        {
            _logger.Debug("{Image}: not caching {Actual}: the manifest expects {Expected}", _imageName, actual, _expected);
            return false;
        }

        try
        {
            await _file.DisposeAsync();
            _file = null;
            _cache.Admit(_tempPath, actual);
            return true;
        }
        catch (IOException e)
        {
            _logger.Warning("{Image}: the download could not be cached ({Error}); the image is not affected", _imageName, e.Message);
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
            _file = null;
        }

        DownloadCache.TryDelete(_tempPath);
    }

    private async Task DropAsync(string reason, bool warn = true)
    {
        _logger.Write(warn ? Serilog.Events.LogEventLevel.Warning : Serilog.Events.LogEventLevel.Information,
            "{Image}: not caching the download: {Reason}; the image is not affected", _imageName, reason);
        await _file!.DisposeAsync();
        _file = null;
        DownloadCache.TryDelete(_tempPath);
    }
}
