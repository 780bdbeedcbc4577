using System.IO.Enumeration;
using ImagePipeline.Storage;
using ImagePipeline.Storage.FileSystem;
using ImagePipeline.Testing;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Tests.Storage;

/// <summary>
/// Symbolic links inside a directory store (a convenience <c>current -&gt; 1.9.1</c>, a link out of the store, a loop):
/// never followed for listing, writes or deletes; a link is listed as itself and only its own key deletes it.
/// </summary>
public sealed class FileSystemLinkTests : IDisposable
{
    private readonly TempDirectory _work = new("store-links");
    private readonly FileSystemImageStore _store;

    public FileSystemLinkTests()
    {
        _store = new FileSystemImageStore(Root, Logger.None);
        Write("images/t/1.9.1/x.raw", "real image");
        Write("outside/victim.raw", "not the store's");
        Directory.CreateSymbolicLink(Path.Combine(Root, "images", "t", "current"), "1.9.1");
        Directory.CreateSymbolicLink(Path.Combine(Root, "images", "out"), Outside);
        Directory.CreateSymbolicLink(Path.Combine(Root, "images", "loop"), ".");
        Directory.CreateSymbolicLink(Path.Combine(Root, "images", "up"), "..");
        File.CreateSymbolicLink(Path.Combine(Root, "images", "t", "latest.raw"), "1.9.1/x.raw");
    }

    private string Root => _work.Combine("store");

    private string Outside => _work.Combine("outside");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task List_LinksAreEntriesAndNeverDescendedInto()
    {
        var listed = await ListAsync("images/");

        Assert.Equal(["images/loop", "images/out", "images/t/1.9.1/x.raw", "images/t/current", "images/t/latest.raw", "images/up"], listed.Select(o => o.Key));
        Assert.Equal("1.9.1", listed.Single(o => o.Key == "images/t/current").LinkTarget);
        Assert.Equal(Outside, listed.Single(o => o.Key == "images/out").LinkTarget);
        Assert.Equal("1.9.1/x.raw", listed.Single(o => o.Key == "images/t/latest.raw").LinkTarget);
        Assert.Null(listed.Single(o => o.Key == "images/t/1.9.1/x.raw").LinkTarget);
        Assert.All(listed.Where(o => o.LinkTarget is not null), o => Assert.Equal(0, o.Size));
    }

    [Fact]
    public async Task List_PrefixThroughALink_IsEmpty()
    {
        Assert.Empty(await ListAsync("images/t/current/"));
        Assert.Empty(await ListAsync("images/loop/images/"));
        Assert.Empty(await ListAsync("images/out/"));
    }

    [Theory]
    [InlineData("images/t/current/x.raw")]
    [InlineData("images/out/victim.raw")]
    [InlineData("images/loop/t/1.9.1/x.raw")]
    public async Task ReadThroughALink_FindsNothing(string key)
    {
        Assert.Null(await _store.StatAsync(key, default));
        Assert.Null(await _store.ReadMetadataAsync(key, default));
    }

    [Theory]
    [InlineData("images/t/current/new.raw", "images/t/current")]
    [InlineData("images/out/new.raw", "images/out")]
    [InlineData("images/loop/t/1.9.1/x.raw", "images/loop")]
    [InlineData("images/t/latest.raw", "images/t/latest.raw")]
    public async Task Upload_ThroughOrOverALink_IsRefusedAndWritesNothing(string key, string link)
    {
        var before = Snapshot();

        var error = await Assert.ThrowsAsync<StoreException>(() => _store.BeginUploadAsync(key, Digest("new"), default));

        Assert.False(error.IsRetryable);
        Assert.Contains($"'{link}' is a symbolic link", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task WriteMetadata_ThroughALink_IsRefused()
    {
        Directory.CreateDirectory(Path.Combine(Root, "metadata"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "metadata", "out"), Outside);

        await Assert.ThrowsAsync<StoreException>(() => _store.WriteMetadataAsync("metadata/out/victim.raw.json", Sample(), default));

        Assert.Equal(["victim.raw"], Directory.GetFiles(Outside).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("images/t/current/x.raw")]
    [InlineData("images/out/victim.raw")]
    [InlineData("images/loop/t/1.9.1/x.raw")]
    public async Task Delete_ThroughALink_LeavesTheTargetAlone(string key)
    {
        var before = Snapshot();
        Assert.Contains("outside/victim.raw: not the store's", before, StringComparison.Ordinal);
        Assert.Contains("store/images/t/current -> 1.9.1", before, StringComparison.Ordinal);

        await _store.DeleteAsync(key, default);

        Assert.Equal(before, Snapshot());
    }

    [Theory]
    [InlineData("images/t/current")]
    [InlineData("images/out")]
    [InlineData("images/t/latest.raw")]
    public async Task Delete_TheLinkItself_RemovesOnlyTheLink(string key)
    {
        await _store.DeleteAsync(key, default);

        Assert.DoesNotContain(key, (await ListAsync("images/")).Select(o => o.Key));
        Assert.Equal("real image", File.ReadAllText(Path.Combine(Root, "images", "t", "1.9.1", "x.raw")));
        Assert.Equal("not the store's", File.ReadAllText(Path.Combine(Outside, "victim.raw")));
    }

    [Fact]
    public async Task Upload_StagingFolderIsALinkOutOfTheStore_IsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(Root, StagingArea.FolderName), Outside);

        await Assert.ThrowsAsync<StoreException>(() => _store.BeginUploadAsync("images/new.raw", Digest("new"), default));

        Assert.Equal(["victim.raw"], Directory.GetFiles(Outside).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Upload_NextToALink_Works()
    {
        await using (var upload = await _store.BeginUploadAsync("images/t/1.9.2/x.raw", Digest("new"), default))
        {
            await upload.WriteAsync("new"u8.ToArray(), default);
            await upload.CommitAsync(Digest("new"), default);
        }

        Assert.Equal(Digest("new"), (await _store.StatAsync("images/t/1.9.2/x.raw", default))?.Digest);
    }

    [Fact]
    public async Task StoreRootIsALink_WorksAsUsual()
    {
        var linkedRoot = _work.Combine("linked-root");
        Directory.CreateSymbolicLink(linkedRoot, Root);
        var store = new FileSystemImageStore(linkedRoot, Logger.None);

        await using (var upload = await store.BeginUploadAsync("images/via-root-link.raw", Digest("x"), default))
        {
            await upload.WriteAsync("x"u8.ToArray(), default);
            await upload.CommitAsync(Digest("x"), default);
        }

        Assert.True(File.Exists(Path.Combine(Root, "images", "via-root-link.raw")));
    }

    private async Task<List<StoredObject>> ListAsync(string prefix)
    {
        var listed = new List<StoredObject>();
        await foreach (var obj in _store.ListAsync(prefix, default))
        {
            listed.Add(obj);
        }

        return listed;
    }

    /// <summary>Every file, folder and link under the work folder (the store and outside it), with contents; links are not followed.</summary>
    private string Snapshot()
    {
        var entries = new FileSystemEnumerable<string>(_work.Path, (ref entry) => Describe(entry.ToFileSystemInfo()),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldRecursePredicate = (ref entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };
        return string.Join('\n', entries.Order(StringComparer.Ordinal));
    }

    private string Describe(FileSystemInfo info) =>
        Path.GetRelativePath(_work.Path, info.FullName) + (info.LinkTarget is { } target ? " -> " + target : info is FileInfo file ? ": " + File.ReadAllText(file.FullName) : "/");

    private void Write(string relative, string content)
    {
        var path = _work.Combine(relative.StartsWith("outside", StringComparison.Ordinal) ? relative : Path.Combine("store", relative));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static Checksum Digest(string text) => TestImages.Sha256Of(text);

    private static ImagePipeline.Metadata.ImageMetadata Sample() => new()
    {
        Name = "x",
        Checksum = Digest("x"),
        Size = 1,
        UploadedAt = DateTimeOffset.UnixEpoch,
        Source = new ImagePipeline.Metadata.MetadataSource { Type = "file" },
        ToolVersion = "test",
    };
}
