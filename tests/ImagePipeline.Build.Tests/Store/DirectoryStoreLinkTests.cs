namespace ImagePipeline.Build.Tests.Store;

/// <summary>
/// The measured failure: a convenience link <c>images/tiny-disk/current -&gt; 1.0</c> made <c>current/…</c> look unmanaged and
/// <c>Prune --include-unmanaged</c> deleted the real image. Links are listed as links and only deleted when named.
/// </summary>
public sealed class DirectoryStoreLinkTests : IDisposable
{
    private const string Manifest = "examples/quickstart/images.yaml";
    private readonly TestRepository _repo = new();

    public DirectoryStoreLinkTests() => _repo.CopyFromRepository("examples/quickstart");

    private string Store => _repo.Combine("store");

    private string RealImage => Path.Combine(Store, "images", "tiny-disk", "1.0", "tiny-disk.img");

    private string Link => Path.Combine(Store, "images", "tiny-disk", "current");

    public void Dispose() => _repo.Dispose();

    [Fact]
    public async Task PruneIncludeUnmanaged_ConvenienceLink_KeepsTheLinkAndTheImage()
    {
        await SyncWithLinksAsync();

        var run = await _repo.RunAsync("Prune", "--manifest", Manifest, "--store", Store, "--include-unmanaged");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(RealImage));
        Assert.Equal("1.0", new FileInfo(Link).LinkTarget);
        Assert.Contains("Kept images/tiny-disk/current: a symbolic link (to 1.0), which Prune never deletes unless named with --delete-link images/tiny-disk/current", run.Output, StringComparison.Ordinal);
        Assert.Contains("Prune deleted 0 image(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prune_LinkNamedWithDeleteLink_RemovesOnlyTheLink()
    {
        await SyncWithLinksAsync();

        var run = await _repo.RunAsync("Prune", "--manifest", Manifest, "--store", Store, "--delete-link", "images/tiny-disk/current");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(Path.Exists(Link));
        Assert.True(File.Exists(RealImage));
        Assert.Contains("Deleted images/tiny-disk/current (symbolic link to 1.0, 0 B, digest unknown)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_LinksAndALoop_AreListedOnceWithAMarker()
    {
        await SyncWithLinksAsync();

        var json = await _repo.RunAsync("List", "--store", Store, "--json");
        var table = await _repo.RunAsync("List", "--store", Store);

        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Contains("\"key\": \"images/tiny-disk/current\"", json.Output, StringComparison.Ordinal);
        Assert.Contains("\"link\": \"1.0\"", json.Output, StringComparison.Ordinal);
        Assert.Contains("\"key\": \"images/loop\"", json.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("images/loop/", json.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("images/tiny-disk/current/", json.Output, StringComparison.Ordinal);
        Assert.Contains("(link -> 1.0)", table.Output.Split('\n').Single(l => l.StartsWith("images/tiny-disk/current ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_DestinationThroughALink_FailsThatImageNamingTheLink()
    {
        await SyncWithLinksAsync();
        var manifest = _repo.Combine(Manifest);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("path: tiny-rootfs/2.3/", "path: tiny-disk/current/", StringComparison.Ordinal));

        var run = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'images/tiny-disk/current' is a symbolic link", run.Output, StringComparison.Ordinal);
        Assert.Equal(["tiny-disk.img"], Directory.GetFiles(Path.GetDirectoryName(RealImage)!).Select(Path.GetFileName));
    }

    private async Task SyncWithLinksAsync()
    {
        var sync = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);
        Assert.True(sync.ExitCode == 0, sync.ToString());
        Directory.CreateSymbolicLink(Link, "1.0");
        Directory.CreateSymbolicLink(Path.Combine(Store, "images", "loop"), ".");
    }
}
