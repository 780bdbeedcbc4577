using System.Diagnostics;
using System.Globalization;
using ImagePipeline.Testing;

namespace ImagePipeline.Benchmarks.Cases;

/// <summary>
/// <c>publish</c>: the whole <c>./build.sh Sync</c> of one image served as single-block .xz over the local
/// Kestrel HTTPS server, streamed into RGW (and into a directory store), side by side in one run with
/// the native tools: the slowest stage alone (the larger of <c>xz -dc &gt; /dev/null</c> and
/// <c>aws s3 cp</c> of the raw file), the streaming shell pipeline
/// <c>curl | tee &gt;(openssl dgst) | xz -dc | tee &gt;(openssl dgst) | aws s3 cp -</c>, and for the directory
/// store <c>curl | xz -dc &gt; file</c>. Two images: disk-like (decoding dominates) and zero-heavy (real raw
/// images are mostly zeros; I/O and overhead dominate). Our runs are sampled for peak RSS and for the bytes
/// under every folder they may write temp files to (the run folders under .nuke/temp, their TMPDIR, the
/// cache; a directory store's own .staging folder is the store's disk, not temp space, and is not counted).
/// </summary>
internal sealed class PublishBenchmark(BenchmarkSettings settings, BenchmarkFiles files, ResultTable table, BenchmarkRgw rgw, HttpsTestServer server)
{
    private const string Bucket = "imagepipeline-bench-publish";

    public async Task RunAsync()
    {
        Console.WriteLine("Publish (./build.sh Sync, streamed) over HTTPS into RGW and a directory");
        await rgw.CreateBucketAsync(Bucket);
        files.PrepareZeroHeavyImage();
        await RunImageAsync("disk-like", files.Raw, files.SingleBlockXz);
        await RunImageAsync("zero-heavy", files.ZeroHeavyRaw, files.ZeroHeavyXz);
    }

    private async Task RunImageAsync(string kind, string raw, string xz)
    {
        var size = AcquireBenchmark.SizeLabel(settings.Size);
        var url = server.Url($"/publish-{kind}.raw.xz");
        server.Map(url.AbsolutePath, new TestRoute { Content = await File.ReadAllBytesAsync(xz) });
        var work = Path.Combine(files.Scratch, "publish-" + kind);
        Directory.CreateDirectory(work);
        var manifest = WriteManifest(work, kind, url, xz, raw);
        var temp = Path.Combine(work, "tmp");
        var store = Path.Combine(work, "store");
        var environment = new Dictionary<string, string>
        {
            ["E2_ACCESS_KEY"] = rgw.AccessKey,
            ["E2_SECRET_KEY"] = rgw.SecretKey,
            ["E2_ENDPOINT"] = rgw.Endpoint.ToString(),
            ["E2_BUCKET"] = Bucket,
            ["SSL_CERT_FILE"] = server.CertificatePemPath,
            ["TMPDIR"] = temp,
            ["XDG_CACHE_HOME"] = Path.Combine(work, "cache"),
        };
        var aws = AwsEnvironment();
        var endpoint = rgw.Endpoint.GetLeftPart(UriPartial.Authority);
        var curl = $"curl -sS --fail --cacert {Shell.Quote(server.CertificatePemPath)} {Shell.Quote(url.ToString())}";
        var awsCp = $"/usr/bin/aws --endpoint-url {endpoint} s3 cp --no-progress --only-show-errors";
        var streaming = $"{curl} | tee >(openssl dgst -sha256 > /dev/null) | xz -dc | tee >(openssl dgst -sha256 > /dev/null) | {awsCp} - s3://{Bucket}/ref/{kind}.raw";
        var toFile = $"{curl} | xz -dc > {Shell.Quote(Path.Combine(work, "ref.raw"))}";
        var samples = new List<ResourceSampler>();

        async Task OursAsync(string storeArgument)
        {
            Directory.CreateDirectory(temp);
            var sampler = await RunBuildAsync(["Sync", "--manifest", manifest, "--store", storeArgument, "--force", "--no-cache"], environment,
                [Path.Combine(RepositoryPaths.Root, ".nuke", "temp", "runs"), temp, Path.Combine(work, "cache")]);
            samples.Add(sampler);
        }

        await OursAsync("s3"); // warm-up: compiles _build if needed, creates the object once
        samples.Clear();
        var medians = await Timing.MedianSecondsAsync(settings.Runs, () => BenchmarkFiles.DeleteQuietly(Path.Combine(work, "ref.raw")),
            () => OursAsync("s3"),
            () => Shell.RunAsync($"xz -T1 -dc {Shell.Quote(xz)} > /dev/null"),
            () => Shell.RunAsync($"{awsCp} {Shell.Quote(raw)} s3://{Bucket}/ref/{kind}-raw.raw", aws),
            () => Shell.RunAsync(streaming, aws),
            () => OursAsync(store),
            () => Shell.RunAsync(toFile));
        var (slowest, slowestName) = medians[1] >= medians[2] ? (medians[1], "xz -dc > /dev/null") : (medians[2], "aws s3 cp raw");
        table.Add(ResultRow.Time($"Sync {size} {kind} .xz → RGW (streamed)", medians[0], $"slowest stage alone ({slowestName})", slowest, maxRatio: 1.15));
        table.Add(ResultRow.Time($"Sync {size} {kind} .xz → RGW (streamed)", medians[0], "curl | tee(openssl) | xz -dc | tee(openssl) | aws s3 cp -", medians[3], maxRatio: 1.0));
        table.Add(ResultRow.Time($"Sync {size} {kind} .xz → directory", medians[4], "curl | xz -dc > file", medians[5], maxRatio: 1.1));
        table.Add(ResultRow.Absolute($"Peak local temp disk, Sync {size} {kind}", samples.Max(s => s.PeakDiskBytes) / 1048576.0, "MiB", 64, "du of .nuke/temp/runs, TMPDIR, cache"));
        table.Add(ResultRow.Absolute($"Peak RSS, Sync {size} {kind}", samples.Max(s => s.PeakResidentBytes) / 1e6, "MB", 250, "VmHWM of the build process"));
    }

    private static async Task<ResourceSampler> RunBuildAsync(IReadOnlyList<string> args, Dictionary<string, string> environment, IReadOnlyList<string> folders)
    {
        var start = new ProcessStartInfo(Path.Combine(RepositoryPaths.Root, "build.sh"))
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var sampler = new ResourceSampler(process.Id, folders);
        await process.WaitForExitAsync();
        await sampler.DisposeAsync();
        if (process.ExitCode != 0)
        {
            var log = await errors + await output;
            throw new InvalidOperationException($"./build.sh {string.Join(' ', args)} exited {process.ExitCode}:\n{log[^Math.Min(3000, log.Length)..]}");
        }

        return sampler;
    }

    private Dictionary<string, string> AwsEnvironment() => new()
    {
        ["AWS_ACCESS_KEY_ID"] = rgw.AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = rgw.SecretKey,
        ["AWS_DEFAULT_REGION"] = "us-east-1",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
        ["AWS_CONFIG_FILE"] = "/dev/null",
        ["AWS_PAGER"] = "",
    };

    private static string WriteManifest(string work, string kind, Uri url, string xz, string raw)
    {
        var path = Path.Combine(work, "images.yaml");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
            apiVersion: images.lab.gilman.io/v1alpha1
            kind: ImageManifest
            metadata:
              name: bench-publish
            spec:
              images:
                - name: bench-{kind}
                  source:
                    type: http
                    url: {url}
                    checksum: sha256:{DigestBenchmark.Digest(xz).Hex}
                    decompress: xz
                  destination:
                    path: bench/{kind}.raw
                  validation:
                    expected: sha256:{DigestBenchmark.Digest(raw).Hex}
            """));
        return path;
    }
}
