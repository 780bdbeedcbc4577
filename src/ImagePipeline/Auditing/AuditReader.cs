using System.Buffers;
using ImagePipeline.Progress;
using ImagePipeline.Storage;
using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Auditing;

/// <summary>
/// Reads objects back and hashes them while the bytes arrive, in parallel (nothing is written anywhere, not even a
/// temp file); a random share when sampling. Progress goes to the board as <see cref="ImageStage.Auditing"/> and to
/// whatever <see cref="AuditOptions.ShowProgress"/> starts (by default the log, through <see cref="ProgressLog"/>).
/// </summary>
internal sealed class AuditReader(ProgressBoard board, ILogger logger)
{
    private const int BufferSize = 1 << 20;

    /// <summary>Reads a random <see cref="AuditOptions.SamplePercent"/> share of <paramref name="targets"/> (at least one) and hashes them.</summary>
    public async Task<AuditFinding[]> ReadAsync(IImageStore store, List<AuditTarget> targets, AuditOptions options, CancellationToken cancellationToken)
    {
        var count = options.SamplePercent >= 100 ? targets.Count : (int)Math.Ceiling(targets.Count * Math.Clamp(options.SamplePercent, 1, 100) / 100.0);
        var sampled = Enumerable.Range(0, targets.Count).OrderBy(_ => options.Random.Next()).Take(count).ToHashSet();
        var findings = new AuditFinding[targets.Count];
        await using var display = (options.ShowProgress ?? (b => new ProgressLog(b, logger)))(board);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, targets.Count, parallel, async (i, ct) =>
        {
            var target = targets[i];
            findings[i] = sampled.Contains(i)
                ? await ReadBackAsync(store, target, ct)
                : new AuditFinding(target.Key, AuditStatus.NotSampled, "present with the recorded size; not read this time", target.Size, target.Expected);
        });
        return findings;
    }

    private async Task<AuditFinding> ReadBackAsync(IImageStore store, AuditTarget target, CancellationToken cancellationToken)
    {
        var progress = board.For(target.Name);
        progress.SetSourceTotal(target.Size);
        progress.Enter(ImageStage.Auditing);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var stream = await store.OpenReadAsync(target.Key, 0, cancellationToken);
            if (stream is null)
            {
                return new AuditFinding(target.Key, AuditStatus.Missing, "it disappeared before it could be read", null, target.Expected);
            }

            using var digest = new IncrementalDigest(target.Expected.Algorithm);
            long total = 0;
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                digest.Append(buffer.AsSpan(0, read));
                total += read;
                progress.AddSource(read);
            }

            var actual = digest.Finish();
            return actual == target.Expected && total == target.Size
                ? new AuditFinding(target.Key, AuditStatus.Ok, "read back in full; digest matches", total, target.Expected)
                : new AuditFinding(target.Key, AuditStatus.Corrupt, $"read {total} bytes hashing to {actual}; expected {target.Size} bytes with {target.Expected}", total, target.Expected);
        }
        catch (StoreException e)
        {
            return new AuditFinding(target.Key, AuditStatus.Unreadable, e.Message, target.Size, target.Expected);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            progress.Enter(ImageStage.Done);
        }
    }
}
