using ImagePipeline.Storage.S3;
using System.Globalization;
using ImagePipeline.Storage;
using Serilog.Core;

namespace ImagePipeline.Benchmarks.Cases;

/// <summary>
/// <c>upload</c>: a staged upload (<see cref="S3ImageStore.BeginUploadAsync"/>) streamed from the raw image to RGW with the default
/// <see cref="S3StoreOptions"/> versus Debian's <c>/usr/bin/aws s3 cp</c> with the same part size and
/// the same number of concurrent parts (a temporary AWS_CONFIG_FILE). The object is deleted after each run.
/// </summary>
internal sealed class UploadBenchmark(BenchmarkSettings settings, BenchmarkFiles files, ResultTable table, BenchmarkRgw rgw)
{
    private const string Bucket = "imagepipeline-bench-upload";
    private const string Key = "images/bench/upload.raw";

    public async Task RunAsync()
    {
        Console.WriteLine("Upload to RGW");
        await rgw.CreateBucketAsync(Bucket);
        var options = new S3StoreOptions();
        using var store = new S3ImageStore(rgw.Credentials(Bucket), options, Logger.None);
        var digest = DigestBenchmark.Digest(files.Raw);

        var config = Path.Combine(files.Scratch, "aws-config");
        var megabytes = (options.PartSize >> 20).ToString(CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(config, $"""
            [default]
            region = us-east-1
            s3 =
              multipart_chunksize = {megabytes}MB
              multipart_threshold = {megabytes}MB
              max_concurrent_requests = {options.MaxConcurrentParts.ToString(CultureInfo.InvariantCulture)}

            """);
        var environment = new Dictionary<string, string>
        {
            ["AWS_CONFIG_FILE"] = config,
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
            ["AWS_ACCESS_KEY_ID"] = rgw.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = rgw.SecretKey,
            ["AWS_PAGER"] = "",
        };
        var aws = $"/usr/bin/aws --endpoint-url {rgw.Endpoint.GetLeftPart(UriPartial.Authority)} s3 cp --no-progress --only-show-errors"
            + $" {Shell.Quote(files.Raw)} s3://{Bucket}/{Key}";

        var medians = await Timing.MedianSecondsAsync(settings.Runs, () => store.DeleteAsync(Key, CancellationToken.None).GetAwaiter().GetResult(),
            () => StagedFile.UploadAsync(store, Key, files.Raw, digest, CancellationToken.None),
            () => Shell.RunAsync(aws, environment));
        var label = $"Upload {AcquireBenchmark.SizeLabel(settings.Size)} (S3ImageStore, {megabytes} MiB parts × {options.MaxConcurrentParts})";
        table.Add(ResultRow.Time(label, medians[0], "/usr/bin/aws s3 cp (same part size/concurrency)", medians[1], maxRatio: 0.6));
        File.Delete(config);
    }
}
