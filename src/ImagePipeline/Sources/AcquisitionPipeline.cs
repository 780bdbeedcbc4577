using System.IO.Pipelines;
using System.Runtime.ExceptionServices;
using ImagePipeline.Compression;
using ImagePipeline.Manifest;
using ImagePipeline.Sources.Http;
using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Sources;

/// <summary>
/// One pass from a source stream to the output file: read + source digest (+ copy to the cache),
/// decode, output digest + write — three stages on their own threads, joined by bounded pipes so
/// decoding (the slow stage) overlaps with everything else and memory stays bounded whatever the
/// image size. Without decompression the decode stage is left out.
/// </summary>
public sealed class AcquisitionPipeline(AcquireOptions options, DecoderFactory decoders, ILogger logger)
{
    private PipeOptions StagePipe => new(
        pauseWriterThreshold: options.StageBufferSize,
        resumeWriterThreshold: options.StageBufferSize / 2,
        minimumSegmentSize: options.ChunkSize,
        useSynchronizationContext: false);

    /// <summary>
    /// Streams <paramref name="source"/> through the stages. On any failure or cancellation deletes
    /// the output (and copy) and throws. A source may ask for a restart from byte 0 (an HTTP
    /// download that could not resume); the pass then starts over with fresh digests, decoder and
    /// output, so the digests cover every byte exactly once.
    /// </summary>
    public async Task<AcquisitionResult> RunAsync(
        AcquisitionRequest request, Stream source, IProgress<AcquireProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        Directory.CreateDirectory(Path.GetDirectoryName(request.OutputPath)!);
        var meter = new ProgressMeter(request.ImageName, progress, options.ProgressInterval);
        var partial = WorkFiles.PartialPath(request.OutputPath);
        try
        {
            while (true)
            {
                try
                {
                    var result = await RunOnceAsync(request, source, partial, meter, cancellationToken);
                    File.Move(partial, request.OutputPath, overwrite: true);
                    meter.Complete();
                    return result;
                }
                catch (SourceRestartException restart)
                {
                    logger.Warning("{Image}: {Reason}; starting again from byte 0", request.ImageName, restart.Message);
                    meter.Reset();
                }
            }
        }
        catch
        {
            WorkFiles.Delete(request.OutputPath);
            if (request.CopyPath is not null)
            {
                File.Delete(request.CopyPath);
            }

            throw;
        }
    }

    /// <summary>
    /// Acquires <paramref name="image"/> from <paramref name="source"/> into its work file
    /// (<see cref="WorkFiles.OutputPath"/>): source digest with <paramref name="sourceChecksum"/>'s
    /// algorithm (the validation algorithm while there is none yet: Pin), output digest with the
    /// algorithm of the expected output.
    /// </summary>
    public async Task<AcquiredImage> AcquireAsync(
        ImageDefinition image,
        Checksum? sourceChecksum,
        CompressionFormat? decompress,
        Stream source,
        string workDirectory,
        string? copyPath,
        IProgress<AcquireProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var request = new AcquisitionRequest(
            image.Name,
            sourceChecksum?.Algorithm ?? image.ValidationAlgorithm,
            decompress,
            image.ExpectedOutput?.Algorithm ?? image.ValidationAlgorithm,
            WorkFiles.OutputPath(workDirectory, image),
            copyPath);
        var result = await RunAsync(request, source, progress, cancellationToken);
        logger.Information(
            "{Image}: acquired {SourceSize} source bytes ({SourceDigest}) -> {OutputSize} output bytes ({OutputDigest})",
            image.Name, result.SourceSize, result.SourceDigest, result.OutputSize, result.OutputDigest);
        return new AcquiredImage(image.Name, request.OutputPath, result.OutputSize, result.SourceDigest, result.OutputDigest);
    }

    private async Task<AcquisitionResult> RunOnceAsync(
        AcquisitionRequest request, Stream source, string outputPath, ProgressMeter meter, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = failed.Token;
        var sourcePipe = new Pipe(StagePipe);
        var outputPipe = request.Decompress is null ? sourcePipe : new Pipe(StagePipe);

        // The output digest is the source digest when nothing changes the bytes.
        var outputAlgorithm = request.Decompress is null && request.OutputAlgorithm == request.SourceAlgorithm
            ? (HashAlgorithmKind?)null
            : request.OutputAlgorithm;

        var read = Guard(failed, () => new SourceStage(request, source, meter, options).RunAsync(sourcePipe.Writer, token));
        var decode = request.Decompress is { } format
            ? Guard(failed, () => DecodeAsync(format, request.ImageName, sourcePipe.Reader, outputPipe.Writer, token))
            : Task.FromResult(0L);
        var write = Guard(failed, () => WriteOutputAsync(request.ImageName, outputPipe.Reader, outputPath, outputAlgorithm, token));

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

    private async Task<(long Size, Checksum? Digest)> WriteOutputAsync(
        string imageName, PipeReader input, string path, HashAlgorithmKind? algorithm, CancellationToken cancellationToken)
    {
        try
        {
            using var digest = algorithm is { } kind ? new IncrementalDigest(kind) : null;
            long size = 0;
            var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
            await using (file)
            {
                while (true)
                {
                    var result = await input.ReadAsync(cancellationToken);
                    foreach (var segment in result.Buffer)
                    {
                        size += segment.Length;
                        if (size > options.MaxImageSize)
                        {
                            throw new ImageTooLargeException(imageName, options.MaxImageSize);
                        }

                        digest?.Append(segment.Span);
                        await file.WriteAsync(segment, cancellationToken);
                    }

                    input.AdvanceTo(result.Buffer.End);
                    if (result.IsCompleted)
                    {
                        break;
                    }
                }
            }

            await input.CompleteAsync();
            return (size, digest?.Finish());
        }
        catch (Exception ex)
        {
            await input.CompleteAsync(ex);
            throw;
        }
    }
}
