using System.Globalization;
using System.Text;
using ImagePipeline.Manifest;
using ImagePipeline.Metadata;
using ImagePipeline.Planning;
using ImagePipeline.Storage;
using ImagePipeline.Testing;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Benchmarks.Cases;

/// <summary>
/// <c>sync</c>: a no-op Sync of an N-image manifest (small file sources) whose images are all
/// published already (objects and metadata written beforehand, once per gateway). Measures the
/// planner alone (<see cref="SyncPlanner"/>, what the Diff stage runs: the metadata reads and HEADs in
/// parallel) and the whole <c>./build.sh Sync</c>, warm (after one untimed run).
/// </summary>
internal sealed class SyncBenchmark(BenchmarkSettings settings, ResultTable table, BenchmarkRgw rgw)
{
    private const string Bucket = "imagepipeline-bench-sync";
    private const int ImageSize = 4096;

    public async Task RunAsync()
    {
        Console.WriteLine($"No-op Sync of {settings.SyncImages} images");
        var directory = Path.Combine(settings.WorkDirectory, "sync");
        var manifestPath = WriteManifest(directory);
        var manifest = ManifestLoader.Load(manifestPath, RepositoryPaths.Root, ManifestLoadOptions.Strict with { FileRoots = [directory] });
        await rgw.CreateBucketAsync(Bucket);
        var credentials = rgw.Credentials(Bucket);
        var store = ImageStoreFactory.Create(StoreLocation.S3, credentials, Logger.None);
        try
        {
            var planner = new SyncPlanner(store);
            if ((await planner.PlanAsync(manifest.Images, force: false, null, CancellationToken.None)).Images.Any(i => i.NeedsWork))
            {
                await PublishAsync(store, manifest);
            }

            var medians = await Timing.MedianSecondsAsync(settings.Runs, cleanup: null, async () =>
            {
                var plan = await planner.PlanAsync(manifest.Images, force: false, null, CancellationToken.None);
                var stale = plan.Images.Count(i => i.Action != ImageAction.Unchanged);
                if (stale > 0)
                {
                    throw new InvalidOperationException($"{stale} image(s) not unchanged in a no-op plan");
                }
            });
            table.Add(ResultRow.Absolute($"No-op Sync plan, {settings.SyncImages} images (SyncPlanner, warm)", medians[0], "s", 3));

            var environment = new Dictionary<string, string>
            {
                [Credentials.CredentialResolver.AccessKeyVariable] = credentials.AccessKey,
                [Credentials.CredentialResolver.SecretKeyVariable] = credentials.SecretKey,
                [Credentials.CredentialResolver.EndpointVariable] = credentials.Endpoint.ToString(),
                [Credentials.CredentialResolver.BucketVariable] = Bucket,
            };
            var command = $"./build.sh Sync --manifest {Shell.Quote(manifestPath)} --file-root {Shell.Quote(directory)} --store s3 2>&1"; // the summary is a log line (stderr)
            async Task SyncAsync()
            {
                var output = await Shell.RunAsync(command, environment, RepositoryPaths.Root);
                if (!output.Contains("0 image(s) published", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException("./build.sh Sync published something in a no-op run:\n" + output[^Math.Min(2000, output.Length)..]);
                }
            }

            await SyncAsync();
            medians = await Timing.MedianSecondsAsync(settings.Runs, cleanup: null, SyncAsync);
            table.Add(ResultRow.Absolute($"No-op ./build.sh Sync, {settings.SyncImages} images (wall, warm)", medians[0], "s", 3));
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    private string WriteManifest(string directory)
    {
        var sources = Path.Combine(directory, "files");
        Directory.CreateDirectory(sources);
        var yaml = new StringBuilder("""
            apiVersion: images.lab.gilman.io/v1alpha1
            kind: ImageManifest
            metadata:
              name: bench-sync
            spec:
              defaults:
                destinationPrefix: images/
              images:

            """);
        for (var i = 0; i < settings.SyncImages; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"bench-{i:D4}");
            var path = Path.Combine(sources, name + ".img");
            var content = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(name + "\n", ImageSize / (name.Length + 1) + 1)))[..ImageSize];
            File.WriteAllBytes(path, content);
            var checksum = Checksum.FromBytes(HashAlgorithmKind.Sha256, System.Security.Cryptography.SHA256.HashData(content));
            yaml.Append(CultureInfo.InvariantCulture, $"""
                    - name: {name}
                      source:
                        type: file
                        path: {path}
                        checksum: {checksum}
                      destination:
                        path: bench/{name}/{name}.img

                """);
        }

        var manifestPath = Path.Combine(directory, "images.yaml");
        File.WriteAllText(manifestPath, yaml.ToString());
        return manifestPath;
    }

    private static async Task PublishAsync(IImageStore store, ImageManifest manifest)
    {
        Console.WriteLine($"  publishing {manifest.Images.Count} small images and their metadata…");
        await Parallel.ForEachAsync(manifest.Images, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (image, ct) =>
        {
            var source = (FileImageSource)image.Source;
            await StagedFile.UploadAsync(store, image.ObjectKey, source.FullPath, image.ExpectedOutput!, ct);
            await store.WriteMetadataAsync(image.MetadataKey, new ImageMetadata
            {
                Name = image.Name,
                Checksum = image.ExpectedOutput!,
                Size = ImageSize,
                UploadedAt = DateTimeOffset.UtcNow,
                Source = new MetadataSource { Type = source.Type, Path = source.Path },
                SourceChecksum = source.Checksum,
                ToolVersion = "benchmark",
            }, ct);
        });
    }
}
