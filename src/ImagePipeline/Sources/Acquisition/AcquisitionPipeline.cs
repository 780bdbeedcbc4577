using System.IO.Pipelines;
using System.Runtime.ExceptionServices;
using ImagePipeline.Compression;
using ImagePipeline.IO;
using ImagePipeline.Sources.Http;
using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Sources.Acquisition;

/// <summary>
/// One pass from a source stream to a sink (a store's staged upload): read + source digest (+ copy to
/// the cache), decode, output digest + send — three stages on their own threads, joined by bounded
/// pipes so decoding (the slow stage) overlaps with everything else and memory stays bounded whatever
/// the image size. The output digest is computed over exactly the bytes handed to the sink, as they
/// are handed over. Without decompression the decode stage is left out. Every source kind goes through
/// this one pipeline.
/// </summary>
public sealed class AcquisitionPipeline(AcquireOptions options, DecoderFactory decoders, ILogger logger)
{
    private PipeOptions StagePipe => new(
        pauseWriterThreshold: options.StageBufferSize,
        resumeWriterThreshold: options.StageBufferSize / 2,
        minimumSegmentSize: options.ChunkSize,
        useSynchronizationContext: false);

    /// <summary>
    /// Streams <paramref name="source"/> through the stages into a sink opened with
    /// <see cref="AcquisitionRequest.OpenSink"/>, which is flushed (every byte stored) on success and
    /// left open for the caller to commit. On any failure or cancellation the sink is aborted and the
    /// error thrown. A source may ask for a restart from byte 0 (an HTTP download that could not resume);
    /// the sink is then aborted and a new one opened, the cache copy and progress start over, and the
    /// pass runs again with fresh digests and decoder, so the digests cover every byte exactly once.
    /// </summary>
    public async Task<AcquisitionResult> RunAsync(AcquisitionRequest request, Stream source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        while (true)
        {
            var sink = await request.OpenSink(cancellationToken);
            try
            {
                return await RunOnceAsync(request, source, sink, cancellationToken);
            }
            catch (SourceRestartException restart)
            {
                await sink.AbortAsync();
                logger.Warning("{Image}: {Reason}; starting again from byte 0", request.ImageName, restart.Message);
                request.CacheCopy?.Restart();
                request.Progress?.Restart();
            }
            catch
            {
                await sink.AbortAsync();
                throw;
            }
        }
    }

    private async Task<AcquisitionResult> RunOnceAsync(
        AcquisitionRequest request, Stream source, IByteSink sink, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failed.Token;
        var sourcePipe = new Pipe(StagePipe);
        var outputPipe = request.Decompress is null ? sourcePipe : new Pipe(StagePipe);

        // The output digest is the source digest when nothing changes the bytes.
        var outputAlgorithm = request.Decompress is null && request.OutputAlgorithm == request.SourceAlgorithm
            ? (HashAlgorithmKind?)null
            : request.OutputAlgorithm;

        var read = Guard(failed, () => new SourceStage(request, source, options).RunAsync(sourcePipe.Writer, token));
        var decode = request.Decompress is { } format
            ? Guard(failed, () => DecodeAsync(format, request.ImageName, sourcePipe.Reader, outputPipe.Writer, token))
            : Task.FromResult(0L);
        var write = Guard(failed, () => SendOutputAsync(request, outputPipe.Reader, sink, outputAlgorithm, token));

        try
        {
            await Task.WhenAll(read, decode, write);
        }
        catch (Exception)
        {
            ThrowPrimaryFailure(cancellationToken, read, decode, write);
        }

        var (sourceSize, sourceDigest) = await read;
        var (outputSize, outputDigest) = await write;
        return new AcquisitionResult(sourceSize, sourceDigest, outputSize, outputDigest ?? sourceDigest);
    }

    /// <summary>Runs a stage on the thread pool; its failure cancels the other stages.</summary>
    private static Task<T> Guard<T>(CancellationTokenSource failed, Func<Task<T>> stage) => Task.Run(async () =>
    {
        try
        {
            return await stage();
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
    });

    /// <summary>
    /// The error that explains the failure: the caller's cancellation, else the first stage's own
    /// error in pipeline order (later stages only see it echoed or get cancelled).
    /// </summary>
    private static void ThrowPrimaryFailure(CancellationToken cancellationToken, params Task[] stages)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var errors = stages.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).ToList();
        var primary = errors.FirstOrDefault(e => e is not OperationCanceledException) ?? errors.FirstOrDefault()
            ?? new OperationCanceledException();
        ExceptionDispatchInfo.Throw(primary);
    }

    private async Task<long> DecodeAsync(
        CompressionFormat format, string imageName, PipeReader input, PipeWriter output, CancellationToken cancellationToken)
    {
        try
        {
            var compressed = input.AsStream(leaveOpen: true);
            await using (compressed)
            {
                long size = 0;
                var decoder = decoders.Open(format, compressed, imageName);
                await using (decoder)
                {
                    while (true)
                    {
                        var buffer = output.GetMemory(options.ChunkSize);
                        var count = await ReadDecodedAsync(decoder, buffer, format, imageName, cancellationToken);
                        if (count == 0)
                        {
                            break;
                        }

                        size += count;
                        output.Advance(count);
                        if ((await output.FlushAsync(cancellationToken)).IsCompleted)
                        {
                            throw new OperationCanceledException("the output stage stopped");
                        }
                    }
                }

                await RejectTrailingDataAsync(compressed, format, imageName, cancellationToken);
                await output.CompleteAsync();
                return size;
            }
        }
        catch (Exception ex)
        {
            await output.CompleteAsync(ex);
            await input.CompleteAsync(ex);
            throw;
        }
    }

    private static async ValueTask<int> ReadDecodedAsync(
        Stream decoder, Memory<byte> buffer, CompressionFormat format, string imageName, CancellationToken cancellationToken)
    {
        try
        {
            return await decoder.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or ImagePipelineException or SourceRestartException))
        {
            // Managed decoders report corrupt input with their own exception types.
            throw new DecompressionException(imageName, format, ex.Message, ex);
        }
    }

    /// <summary>
    /// Reads what the decoder left after its end marker so the source digest still covers every
    /// byte; zero padding is tolerated (xz allows it), anything else is an error, as with xz -d.
    /// </summary>
    private static async Task RejectTrailingDataAsync(
        Stream compressed, CompressionFormat format, string imageName, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        int count;
        while ((count = await compressed.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (buffer.AsSpan(0, count).ContainsAnyExcept((byte)0))
            {
                throw new DecompressionException(imageName, format, "unexpected data after the end of the compressed stream");
            }
        }
    }

    private async Task<(long Size, Checksum? Digest)> SendOutputAsync(
        AcquisitionRequest request, PipeReader input, IByteSink sink, HashAlgorithmKind? algorithm, CancellationToken cancellationToken)
    {
        try
        {
            using var digest = algorithm is { } kind ? new IncrementalDigest(kind) : null;
            long size = 0;
            while (true)
            {
                var result = await input.ReadAsync(cancellationToken);
                foreach (var segment in result.Buffer)
                {
                    size += segment.Length;
                    if (size > options.MaxImageSize)
                    {
                        throw new ImageTooLargeException(request.ImageName, options.MaxImageSize);
                    }

                    // Hash exactly what is handed to the sink, as it is handed over.
                    digest?.Append(segment.Span);
                    await sink.WriteAsync(segment, cancellationToken);
                    request.Progress?.AddOutput(segment.Length);
                }

                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }

            await input.CompleteAsync();
            await sink.FlushAsync(cancellationToken);
            return (size, digest?.Finish());
        }
        catch (Exception ex)
        {
            await input.CompleteAsync(ex);
            throw;
        }
    }
}
