using System.Diagnostics;
using System.Globalization;
using ImagePipeline.Sources.Packer;
using ImagePipeline.Testing;
using Xunit.Abstractions;

namespace ImagePipeline.Tests.Sources.Packer;

public sealed class PackerCancellationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Acquire_CancelledDuringShellLocalSleep_StopsWholeProcessGroupQuickly()
    {
        using var fixture = new PackerTemplateFixture("slow");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out var sink), environment: _ => null);
        var marker = Guid.NewGuid().ToString("N");
        using var cancellation = new CancellationTokenSource();
        var acquire = handler.AcquireAsync(
            fixture.Image(new Dictionary<string, string> { ["marker"] = marker }), cancellation.Token);
        var groupId = await WaitForSleepAsync(sink, marker);

        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => acquire);
        clock.Stop();

        output.WriteLine($"cancel took {clock.ElapsedMilliseconds} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"cancel took {clock.Elapsed}");
        Assert.Empty(ProcessTable.InGroup(groupId));
        Assert.Empty(ProcessTable.WithEnvironment("PKR_VAR_marker=" + marker));
        Assert.Empty(Directory.EnumerateFileSystemEntries(fixture.WorkDirectory));
        Assert.DoesNotContain(ShellLocalScripts(), f => File.ReadAllText(f).Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acquire_CancelledWhileChildIgnoresSigterm_KillsGroupAfterGracePeriod()
    {
        using var fixture = new PackerTemplateFixture("stubborn");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out var sink), packer: new PackerOptions { TerminationGracePeriod = TimeSpan.FromSeconds(1) }, environment: _ => null);
        var marker = Guid.NewGuid().ToString("N");
        using var cancellation = new CancellationTokenSource();
        var acquire = handler.AcquireAsync(
            fixture.Image(new Dictionary<string, string> { ["marker"] = marker }), cancellation.Token);
        var groupId = await WaitForSleepAsync(sink, marker);

        var clock = Stopwatch.StartNew();
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => acquire);
        clock.Stop();

        output.WriteLine($"cancel with SIGTERM ignored took {clock.ElapsedMilliseconds} ms");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
        Assert.Empty(ProcessTable.InGroup(groupId));
        Assert.Empty(ProcessTable.WithEnvironment("PKR_VAR_marker=" + marker));
    }

    [Fact]
    public async Task Acquire_BuildTimeout_StopsBuildAndThrowsTimeout()
    {
        using var fixture = new PackerTemplateFixture("slow");
        using var handler = new TestAcquirer(fixture.WorkDirectory, logger: CollectingSink.CreateLogger(out _), packer: new PackerOptions { BuildTimeout = TimeSpan.FromSeconds(1) }, environment: _ => null);
        var marker = Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PackerTimeoutException>(() => handler.AcquireAsync(
            fixture.Image(new Dictionary<string, string> { ["marker"] = marker }), CancellationToken.None));

        output.WriteLine($"timeout + stop took {clock.ElapsedMilliseconds} ms");
        Assert.Equal("test-image", error.ImageName);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
        Assert.Empty(ProcessTable.WithEnvironment("PKR_VAR_marker=" + marker));
    }

    /// <summary>Packer's shell-local scripts in the temp folder or one level below it.</summary>
    private static IEnumerable<string> ShellLocalScripts() =>
        Directory.EnumerateFiles(
            Path.GetTempPath(),
            "packer-shell*",
            new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 1, IgnoreInaccessible = true });

    /// <summary>Waits until the build's shell-local script runs (its sleep is then in the group) and returns the group id.</summary>
    private static async Task<int> WaitForSleepAsync(CollectingSink sink, string marker)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var group = sink.Events.FirstOrDefault(e => e.Properties.ContainsKey("PackerProcessGroup"));
            if (group is not null
                && sink.Messages.Any(m => m.Contains("sleeping for " + marker, StringComparison.Ordinal)))
            {
                var groupId = int.Parse(group.Properties["PackerProcessGroup"].ToString(), CultureInfo.InvariantCulture);
                if (ProcessTable.InGroup(groupId).Any(p => p.Command == "sleep"))
                {
                    return groupId;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the build never reached its sleep");
    }
}
