using Amazon.S3.Model;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Store;

/// <summary>
/// A fresh bucket on the real RGW, reached through <see cref="FaultProxy"/>: metadata writes are broken by answering
/// PUTs under <c>metadata/</c> with 403 AccessDenied (permanent for the store) before they reach the gateway.
/// </summary>
internal sealed class RgwStoreDriver : StoreDriver
{
    private readonly RgwBucket _bucket;
    private readonly FaultProxy _proxy;

    private RgwStoreDriver(RgwBucket bucket, FaultProxy proxy)
    {
        _bucket = bucket;
        _proxy = proxy;
    }

    public override string[] Arguments => [];

    public static async Task<RgwStoreDriver> CreateAsync(TestRepository repo, RgwFixture rgw)
    {
        var driver = new RgwStoreDriver(await RgwBucket.CreateAsync(rgw), new FaultProxy(rgw.Endpoint));
        repo.Environment["E2_ACCESS_KEY"] = rgw.AccessKey;
        repo.Environment["E2_SECRET_KEY"] = rgw.SecretKey;
        repo.Environment["E2_ENDPOINT"] = driver._proxy.Endpoint.ToString();
        repo.Environment["E2_BUCKET"] = driver._bucket.Name;
        return driver;
    }

    public override Task PutRawAsync(string key, byte[] bytes) => _bucket.PutAsync(key, bytes);

    public override Task<byte[]?> GetRawAsync(string key) => _bucket.GetAsync(key);

    public override Task<List<string>> KeysAsync() => _bucket.KeysAsync();

    public override Task DeleteRawAsync(string key) => _bucket.Client.DeleteObjectAsync(_bucket.Name, key);

    public override async Task CopyImagesFolderAsync(string destination)
    {
        foreach (var key in (await _bucket.KeysAsync()).Where(k => k.StartsWith("images/", StringComparison.Ordinal)))
        {
            var target = Path.Combine(destination, key["images/".Length..]);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, (await _bucket.GetAsync(key))!);
        }
    }

    public override async Task LeaveIncompleteUploadAsync(string key)
    {
        await _bucket.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = _bucket.Name, Key = key });
        // The gateway stamps uploads in whole seconds; the next run must start strictly later.
        await Task.Delay(TimeSpan.FromSeconds(1.1));
    }

    public override Task<int> CountIncompleteUploadsAsync() => _bucket.CountIncompleteUploadsAsync();

    public override void BreakMetadataWrites() =>
        _proxy.Inject(line => line.StartsWith("PUT ", StringComparison.Ordinal) && line.Contains($"/{_bucket.Name}/metadata/", StringComparison.Ordinal), ProxyFault.AccessDenied, int.MaxValue);

    public override void RepairMetadataWrites()
    {
        Assert.Contains(_proxy.Requests, r => r.StartsWith("PUT ", StringComparison.Ordinal) && r.Contains("/metadata/", StringComparison.Ordinal));
        _proxy.Clear();
    }

    public override async ValueTask DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _bucket.DisposeAsync();
    }
}
