using System.Text.Json;

namespace ImagePipeline.Build.Tests.List;

public sealed class ListDirectoryStoreTests : IDisposable
{
    private const string Manifest = "examples/quickstart/images.yaml";
    private readonly TestRepository _repo = new();

    public ListDirectoryStoreTests() => _repo.CopyFromRepository("examples/quickstart");

    private string Store => _repo.Combine("store");

    [Fact]
    public async Task List_AfterSyncWithHandMadeObject_MarksItUnmanaged()
    {
        var sync = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);
        Assert.True(sync.ExitCode == 0, sync.ToString());
        _repo.Write("store/images/manual/hand-made.iso", "by hand");

        var run = await _repo.RunAsync("List", "--store", Store, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("\"key\": \"images/manual/hand-made.iso\"", run.Data, StringComparison.Ordinal);
        Assert.Contains("\"managed\": false", run.Data, StringComparison.Ordinal);
        Assert.Contains("\"checksum\": \"sha256:3b6336e614c00de5ac1826db61577d8b4107da1f86ac388320db64479a2a1fe2\"", run.Data, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Data);
        Assert.Equal(4, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task List_JsonPipedToJq_StdoutHoldsOnlyTheJson()
    {
        var sync = await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);
        Assert.True(sync.ExitCode == 0, sync.ToString());

        var (exitCode, stdout, stderr) = await BuildProcess.ShellAsync(_repo, $"$BUILD List --json --store '{Store}' 2>/dev/null | jq length");

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("3\n", stdout);
    }

    [Fact]
    public async Task List_Table_ShowsSizeDigestAndSourcePerImage()
    {
        await _repo.RunAsync("Sync", "--manifest", Manifest, "--store", Store);

        var run = await _repo.RunAsync("List", "--store", Store, "--prefix", "images/tiny-rootfs/");

        Assert.True(run.ExitCode == 0, run.ToString());
        var row = run.Output.Split('\n').Single(l => l.StartsWith("images/tiny-rootfs/2.3/tiny-rootfs.raw", StringComparison.Ordinal));
        Assert.Contains("414.1 KiB", row, StringComparison.Ordinal);
        Assert.Contains("sha256:3b6336e614", row, StringComparison.Ordinal);
        Assert.EndsWith("file", row.TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("tiny-disk", run.Output[run.Output.IndexOf("Path", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    public void Dispose() => _repo.Dispose();
}
