using ImagePipeline.Benchmarks;
using ImagePipeline.Benchmarks.Cases;
using ImagePipeline.Testing;

if (args.Length > 0 && args[0] == ChildAcquire.Command)
{
    return await ChildAcquire.RunAsync(args[1..]);
}

BenchmarkSettings settings;
try
{
    settings = BenchmarkSettings.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine($"error: {e.Message}\n{BenchmarkSettings.Usage}");
    return 2;
}

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(BenchmarkSettings.Usage);
    return 0;
}

Console.WriteLine($"ImagePipeline benchmark: cases {string.Join(", ", settings.Cases)}; {settings.Runs} run(s) each; image {AcquireBenchmark.SizeLabel(settings.Size)}; work dir {settings.WorkDirectory}");
var loadBefore = MachineLoad.Describe();
Console.WriteLine($"machine: {loadBefore}");
var files = new BenchmarkFiles(settings);
var table = new ResultTable();
if (settings.Cases.Any(c => c != "sync"))
{
    files.PrepareDiskImages();
}

if (settings.Includes("xz"))
{
    await new DecodeBenchmark(settings, files, table).RunAsync();
}

if (settings.Includes("sha"))
{
    await new DigestBenchmark(settings, files, table).RunAsync();
}

if (settings.Includes("acquire") || settings.Includes("memory"))
{
    await using var server = await HttpsTestServer.StartAsync();
    server.Map("/single.raw.xz", new TestRoute { Content = await File.ReadAllBytesAsync(files.SingleBlockXz) });
    server.Map("/multi.raw.xz", new TestRoute { Content = await File.ReadAllBytesAsync(files.MultiBlockXz) });
    if (settings.Includes("acquire"))
    {
        await new AcquireBenchmark(settings, files, table, server).RunAsync();
    }

    if (settings.Includes("memory"))
    {
        files.PrepareLargeImage();
        server.Map("/large.raw.xz", new TestRoute { Content = await File.ReadAllBytesAsync(files.LargeXz) });
        await new MemoryBenchmark(settings, files, table, server).RunAsync();
    }
}

if (settings.Includes("upload") || settings.Includes("sync") || settings.Includes("publish"))
{
    using var rgw = new BenchmarkRgw();
    if (settings.Includes("publish"))
    {
        await using var server = await HttpsTestServer.StartAsync();
        await new PublishBenchmark(settings, files, table, rgw, server).RunAsync();
    }

    if (settings.Includes("upload"))
    {
        await new UploadBenchmark(settings, files, table, rgw).RunAsync();
    }

    if (settings.Includes("sync"))
    {
        await new SyncBenchmark(settings, table, rgw).RunAsync();
    }
}

Console.WriteLine();
Console.WriteLine($"Results (medians of {settings.Runs} run(s); load before: {loadBefore}; after: {MachineLoad.Describe()}):");
Console.WriteLine();
Console.Write(table.Render());
return settings.Strict && !table.AllGoalsMet ? 1 : 0;
