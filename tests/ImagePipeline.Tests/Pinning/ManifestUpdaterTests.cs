using System.Runtime.Versioning;
using System.Text;
using ImagePipeline.Pinning;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Pinning;

public sealed class ManifestUpdaterTests : IDisposable
{
    private readonly TempDirectory _directory = new("manifest-updater");

    public void Dispose() => _directory.Dispose();

    private string ManifestPath => _directory.Combine("images.yaml");

    [Fact]
    public void Update_ChangedText_ReplacesFileAndLeavesNoTempFile()
    {
        File.WriteAllText(ManifestPath, "a: 1 # keep\n");
        var updater = new ManifestUpdater(ManifestPath);

        var changed = updater.Update(text => text.Replace("1", "2", StringComparison.Ordinal));

        Assert.True(changed);
        Assert.Equal("a: 2 # keep\n", File.ReadAllText(ManifestPath));
        Assert.Equal([ManifestPath], Directory.GetFiles(_directory.Path));
    }

    [Fact]
    public void Update_SameText_DoesNotRewriteTheFile()
    {
        File.WriteAllText(ManifestPath, "a: 1\n");
        var before = new FileInfo(ManifestPath).LastWriteTimeUtc = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var changed = new ManifestUpdater(ManifestPath).Update(text => text);

        Assert.False(changed);
        Assert.Equal(before, File.GetLastWriteTimeUtc(ManifestPath));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void Update_FileWithBomAndMode_KeepsBoth()
    {
        File.WriteAllBytes(ManifestPath, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a: 1\n")]);
        File.SetUnixFileMode(ManifestPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        new ManifestUpdater(ManifestPath).Update(text => text + "b: 2\n");

        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("a: 1\nb: 2\n")], File.ReadAllBytes(ManifestPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(ManifestPath));
    }

    [Fact]
    public async Task Update_ManyConcurrentEdits_AllApplied()
    {
        File.WriteAllText(ManifestPath, "");
        var updater = new ManifestUpdater(ManifestPath);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => updater.Update(text => text + $"line{i}\n"))));

        var lines = File.ReadAllLines(ManifestPath);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => $"line{i}").Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Update_EditThrows_FileUnchanged()
    {
        File.WriteAllText(ManifestPath, "a: 1\n");

        Assert.Throws<InvalidOperationException>(() => new ManifestUpdater(ManifestPath).Update(_ => throw new InvalidOperationException("no")));

        Assert.Equal("a: 1\n", File.ReadAllText(ManifestPath));
        Assert.Single(Directory.GetFiles(_directory.Path));
    }
}
