using ImagePipeline.Build.Output;
using ImagePipeline.Progress;
using ImagePipeline.Testing;
using Spectre.Console.Testing;

namespace ImagePipeline.Build.Tests.Terminal;

/// <summary>The live display's frames and the terminal result table, as plain text through Spectre's test console.</summary>
public sealed class TerminalViewTests
{
    private const string Expected = "tests/ImagePipeline.Build.Tests/Terminal/Expected";

    private static readonly ImageProgressSnapshot[] Frame =
    [
        new("talos-1.9.1", ImageStage.Acquiring, 300L << 20, 1200L << 20, 1100L << 20, 1024L << 20, TimeSpan.FromSeconds(60)),
        new("stream-2.0", ImageStage.Acquiring, 5L << 20, null, 5L << 20, 0, TimeSpan.FromSeconds(10)),
        new("tiny-disk-1.0", ImageStage.Done, 64 << 10, 64 << 10, 64 << 10, 64 << 10, TimeSpan.FromSeconds(1)),
        new("tiny-rootfs-2.3", ImageStage.Failed, 8 << 10, 8 << 10, 414 << 10, 0, TimeSpan.FromSeconds(1)),
        new("harvester-1.4.0", ImageStage.Unchanged, 0, null, 0, 0, TimeSpan.Zero),
        new("vyos-gateway", ImageStage.Pending, 0, null, 0, 0, TimeSpan.Zero),
    ];

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Progress_Frame_MatchesExpected(int width)
    {
        var console = new TestConsole().Width(width);

        console.Write(ProgressView.Render(Frame, colour: true, width));

        ExpectedFiles.AssertMatches(Expected, $"Progress{width}", console.Output);
        Assert.All(console.Lines, line => Assert.True(line.Length <= width, line));
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Results_FailedImage_ShowsStageAndReasonWithoutItsName(int width)
    {
        var console = new TestConsole().Width(width);
        ResultRow[] rows =
        [
            new("tiny-disk-1.0", "upload", "64 KiB", "sha256:7d5e1418c732c3b79d213119c70996704c72ad9b3ea68ce0f1cad0eb40db07a9", "0:02", "published", "not in store"),
            new("tiny-rootfs-2.3", "upload", "-", "-", "0:01", "failed (Verify)", ResultRow.WithoutName("tiny-rootfs-2.3",
                "tiny-rootfs-2.3 output: checksum mismatch: expected sha256:3b6336e614c00de5ac1826db61577d8b4107da1f86ac388320db64479a2a1fe0, got sha256:3b6336e614c00de5ac1826db61577d8b4107da1f86ac388320db64479a2a1fe2")),
            new("harvester-1.4.0", "unchanged", "4 GiB", "sha512:3a0fd4c17ab9d225c4972f71e429d6f3f8195e90a25c87361b7ddb257f2a59d4", "-", "unchanged", "digest matches the store"),
        ];

        console.Write(ResultView.Render(rows, colour: true, width));

        ExpectedFiles.AssertMatches(Expected, $"Results{width}", console.Output);
        Assert.All(console.Lines, line => Assert.True(line.Length <= width, line));
    }
}
