using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Store;

/// <summary>
/// <see cref="StoreRecoveryTests"/> on the real RGW, through <see cref="S3FaultProxy"/>: metadata writes are broken
/// by answering PUTs under <c>metadata/</c> with 403 AccessDenied before they reach the gateway.
/// </summary>
[Collection(RgwGroup.Name)]
public sealed class S3StoreRecoveryTests(RgwFixture rgw) : StoreRecoveryTests, IAsyncLifetime
{
    private RgwBucket _bucket = null!;
    private S3FaultProxy _proxy = null!;

    protected override string[] StoreArguments => [];

    public async Task InitializeAsync()
    {
        _bucket = await RgwBucket.CreateAsync(rgw);
        _proxy = await S3FaultProxy.StartAsync(rgw.Endpoint);
        Repo.Environment["E2_ACCESS_KEY"] = rgw.AccessKey;
        Repo.Environment["E2_SECRET_KEY"] = rgw.SecretKey;
        Repo.Environment["E2_ENDPOINT"] = _proxy.Endpoint.ToString();
        Repo.Environment["E2_BUCKET"] = _bucket.Name;
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _bucket.DisposeAsync();
    }

    protected override Task PutRawAsync(string key, byte[] bytes) => _bucket.PutAsync(key, bytes);

    protected override Task<byte[]?> GetRawAsync(string key) => _bucket.GetAsync(key);

    protected override void BreakMetadataWrites() => _proxy.Fail(S3FaultProxy.PutUnder("metadata/"));

    protected override void RepairMetadataWrites()
    {
        Assert.Contains(_proxy.Failed, f => f.Contains("metadata/tiny-firmware/0.9/tiny-firmware.bin.json", StringComparison.Ordinal));
        _proxy.ClearRules();
    }
}
