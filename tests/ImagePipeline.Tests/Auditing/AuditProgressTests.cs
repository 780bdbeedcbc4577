using System.Security.Cryptography;
using ImagePipeline.Auditing;
using ImagePipeline.Progress;
using ImagePipeline.Testing;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Tests.Auditing;

/// <summary>What shows Audit's progress: the consumer the caller gives (a live display) sees the board while files are read, and is stopped after.</summary>
public sealed class AuditProgressTests
{
    [Fact]
    public async Task ReadAsync_ShowProgressGiven_StartsItOnTheBoardAndStopsItAfterReading()
    {
        var bytes = "disk bytes"u8.ToArray();
        var store = new InMemoryImageStore();
        store.PutRaw("images/disk.img", bytes);
        var board = new ProgressBoard();
        var display = new RecordingDisplay();
        var options = new AuditOptions { ShowProgress = display.Start };

        var findings = await new AuditReader(board, Logger.None).ReadAsync(
            store, [new AuditTarget("images/disk.img", "disk", Checksum.FromBytes(HashAlgorithmKind.Sha256, SHA256.HashData(bytes)), bytes.Length)], options, default);

        Assert.Same(board, display.Board);
        Assert.True(display.Stopped);
        Assert.Equal(AuditStatus.Ok, Assert.Single(findings).Status);
        Assert.Equal(bytes.Length, board.For("disk").Snapshot().SourceBytes); // the board it showed had the read-back bytes
    }

    private sealed class RecordingDisplay : IAsyncDisposable
    {
        public ProgressBoard? Board { get; private set; }

        public bool Stopped { get; private set; }

        public RecordingDisplay Start(ProgressBoard board)
        {
            Board = board;
            return this;
        }

        public ValueTask DisposeAsync()
        {
            Stopped = true;
            return ValueTask.CompletedTask;
        }
    }
}
