using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Store;

/// <summary>
/// Base of the build-level store scenarios: a copy of the quick start and a store of the kind each theory names.
/// In the RGW collection because half of the cases use the gateway; the directory cases are cheap.
/// </summary>
[Collection(RgwGroup.Name)]
public abstract class StoreTests(RgwFixture rgw) : IAsyncLifetime
{
    protected const string Manifest = "examples/quickstart/images.yaml";
    protected const string DiskKey = "images/tiny-disk/1.0/tiny-disk.img";
    protected const string DiskMetadata = "metadata/tiny-disk/1.0/tiny-disk.img.json";
    protected const string FirmwareKey = "images/tiny-firmware/0.9/tiny-firmware.bin";
    protected const string FirmwareMetadata = "metadata/tiny-firmware/0.9/tiny-firmware.bin.json";

    private StoreDriver? _store;

    private protected TestRepository Repo { get; } = new();

    private protected StoreDriver Store => _store ?? throw new InvalidOperationException("call UseAsync first");

    public Task InitializeAsync()
    {
        Repo.CopyFromRepository("examples/quickstart");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        Repo.Dispose();
    }

    /// <summary>Sets up the store of <paramref name="kind"/> (<see cref="StoreDriver.Kinds"/>).</summary>
    protected async Task UseAsync(string kind) => _store = await StoreDriver.CreateAsync(kind, Repo, rgw);

    /// <summary>Runs the build on the store with the quick-start manifest (unless <c>--manifest</c> is given).</summary>
    private protected Task<BuildRun> RunAsync(params string[] args) =>
        Repo.RunAsync([.. args, .. args.Contains("--manifest") ? [] : new[] { "--manifest", Manifest }, .. Store.Arguments]);

    private protected async Task<BuildRun> SucceedAsync(params string[] args)
    {
        var run = await RunAsync(args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    /// <summary>Removes one image entry (by name) from a manifest of the repository.</summary>
    protected void DropImage(string name, string manifest = Manifest)
    {
        var path = Repo.Combine(manifest);
        var lines = File.ReadAllLines(path).ToList();
        var start = lines.FindIndex(l => l.Contains($"name: {name}", StringComparison.Ordinal));
        var end = lines.FindIndex(start + 1, l => l.TrimStart().StartsWith("- name:", StringComparison.Ordinal) || l.TrimStart().StartsWith('#'));
        lines.RemoveRange(start, (end < 0 ? lines.Count : end) - start);
        File.WriteAllLines(path, lines);
    }
}
