using System.IO.Pipelines;
using ImagePipeline.Sources.Http;
using ImagePipeline.Verification;

namespace ImagePipeline.Sources.Acquisition;

/// <summary>
/// First pipeline stage: reads the source, digests it with the source algorithm, optionally copies
/// it (cache entry, best effort) and hands it to the next stage.
/// </summary>
internal sealed class SourceStage(AcquisitionRequest request, Stream source, AcquireOptions options)
{
    public async Task<(long Size, Checksum Digest)> RunAsync(PipeWriter output, CancellationToken cancellationToken)
    {
        try
        {
            using var digest = new IncrementalDigest(request.SourceAlgorithm);
            long size = 0;
            var ended = false;
            while (!ended)
            {
                // Fill a whole chunk before handing it on: network reads are small (TLS records)
                // and every hand-off wakes the next stage.
                var buffer = output.GetMemory(options.ChunkSize);
                var filled = 0;
                while (filled < buffer.Length / 2)
                {
                    var count = await source.ReadAsync(buffer[filled..], cancellationToken);
                    if (count == 0)
                    {
                        ended = true;
                        break;
                    }

                    filled += count;
                    request.Progress?.AddSource(count);
                    // Known once the first bytes came (the response's Content-Length), not only after a whole chunk: a slow
                    // download shows its percentage from the start.
                    request.Progress?.SetSourceTotal(KnownLength(source));
                }

                if (filled == 0)
                {
                    continue;
                }

                digest.Append(buffer.Span[..filled]);
                if (request.CacheCopy is { } copy)
                {
                    await copy.ExpectLengthAsync(KnownLength(source));
                    await copy.WriteAsync(buffer[..filled], cancellationToken);
                }

                size += filled;
                output.Advance(filled);
                if ((await output.FlushAsync(cancellationToken)).IsCompleted)
                {
                    throw new OperationCanceledException("a later stage stopped");
                }
            }

            await output.CompleteAsync();
            return (size, digest.Finish());
        }
        catch (Exception ex)
        {
            await output.CompleteAsync(ex);
            throw;
        }
    }

    private static long? KnownLength(Stream source) => source switch
    {
        HttpDownloadStream http => http.ContentLength,
        { CanSeek: true } => source.Length,
        _ => null,
    };
}
