using System.Text;
using ImagePipeline.Auditing;
using ImagePipeline.Manifest;
using ImagePipeline.Metadata;
using ImagePipeline.Progress;
using ImagePipeline.Storage;
using ImagePipeline.Testing;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Tests.Auditing;

/// <summary>
/// Audit of a store against its metadata, on the in-memory store: what each kind of damage is reported as, and
/// which findings fail the audit (corrupt, missing, unreadable) and which are only information (link, not sampled).
/// </summary>
public sealed class StoreAuditorTests
{
    private readonly InMemoryImageStore _store = new();
    private readonly StoreAuditor _auditor = new(new ProgressBoard(), Logger.None);

    [Fact]
    public async Task AuditAsync_ObjectMatchesItsMetadata_ReportsOkAndPasses()
    {
        var image = Publish("healthy", "the healthy image's bytes");

        var report = await _auditor.AuditAsync(_store, new AuditOptions(), default);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((image.ObjectKey, AuditStatus.Ok), (finding.Path, finding.Status));
        Assert.Equal("read back in full; digest matches", finding.Detail);
        Assert.Equal(Encoding.UTF8.GetByteCount("the healthy image's bytes"), finding.Size);
        Assert.False(report.Failed);
    }

    [Fact]
    public async Task AuditAsync_StoredSizeDiffersFromMetadata_ReportsCorruptWithoutReadingIt()
    {
        var image = TestImages.Http("short");
        var bytes = Encoding.UTF8.GetBytes("12345");
        _store.PutRaw(image.ObjectKey, bytes);
        _store.PutMetadata(image.MetadataKey, TestImages.Metadata(image, TestImages.Sha256(bytes).ToString(), size: 6));
        var store = new RecordingStore(_store);

        var report = await _auditor.AuditAsync(store, new AuditOptions(), default);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((image.ObjectKey, AuditStatus.Corrupt), (finding.Path, finding.Status));
        Assert.Equal("5 bytes stored, its metadata records 6", finding.Detail);
        Assert.Empty(store.Opened);
        Assert.True(report.Failed);
    }

    [Fact]
    public async Task AuditAsync_BytesDoNotHashToTheMetadataChecksum_ReportsCorruptWithBothDigests()
    {
        var image = TestImages.Http("flipped");
        var recorded = Encoding.UTF8.GetBytes("original bytes");
        var stored = Encoding.UTF8.GetBytes("original bytez");
        _store.PutRaw(image.ObjectKey, stored);
        _store.PutMetadata(image.MetadataKey, TestImages.Metadata(image, TestImages.Sha256(recorded).ToString(), size: recorded.Length));

        var report = await _auditor.AuditAsync(_store, new AuditOptions(), default);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((image.ObjectKey, AuditStatus.Corrupt), (finding.Path, finding.Status));
        Assert.Equal(
            $"read 14 bytes hashing to {TestImages.Sha256(stored)}; expected 14 bytes with {TestImages.Sha256(recorded)}",
            finding.Detail);
        Assert.Equal(TestImages.Sha256(recorded), finding.Expected);
        Assert.True(report.Failed);
    }

    [Fact]
    public async Task AuditAsync_StoreRecordedAnotherDigestThanTheMetadata_ReportsCorruptWithoutReadingIt()
    {
        var image = TestImages.Http("re-uploaded");
        var metadataDigest = TestImages.Sha256Of("what the metadata describes");
        var storedDigest = TestImages.Sha256Of("what was uploaded later");
        _store.Put(image.ObjectKey, 100, storedDigest);
        _store.PutMetadata(image.MetadataKey, TestImages.Metadata(image, metadataDigest.ToString(), size: 100));
        var store = new RecordingStore(_store);

        var report = await _auditor.AuditAsync(store, new AuditOptions(), default);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((image.ObjectKey, AuditStatus.Corrupt), (finding.Path, finding.Status));
        Assert.Equal($"the object was stored as {storedDigest}, its metadata records {metadataDigest}", finding.Detail);
        Assert.Empty(store.Opened);
        Assert.True(report.Failed);
    }

    [Fact]
    public async Task AuditAsync_MetadataUnreadable_ReportsCorrupt()
    {
        var image = TestImages.Http("bad-metadata");
        _store.PutRaw(image.ObjectKey, Encoding.UTF8.GetBytes("an image"));
        _store.PutRaw(image.MetadataKey, Encoding.UTF8.GetBytes("{ this is not json"));

        var report = await _auditor.AuditAsync(_store, new AuditOptions(), default);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((image.ObjectKey, AuditStatus.Corrupt), (finding.Path, finding.Status));
        Assert.StartsWith($"its metadata {image.MetadataKey} cannot be read (", finding.Detail, StringComparison.Ordinal);
        Assert.Null(finding.Expected);
        Assert.True(report.Failed);
    }

    [Fact]
    public async Task AuditAsync_MetadataWithoutObject_ReportsMissing()
    {
        var image = TestImages.Http("gone");
        _store.PutMetadata(image.MetadataKey, TestImages.Metadata(image, image.ExpectedOutput!.ToString()));

        var report = await _auditor.AuditAsync(_store, new AuditOptions(), default);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((image.ObjectKey, AuditStatus.Missing), (finding.Path, finding.Status));
        Assert.Equal($"{image.MetadataKey} records it, but the object is not there", finding.Detail);
        Assert.True(report.Failed);
    }

    [Fact]
    public async Task AuditAsync_SymbolicLinkUnderImages_ReportsLinkAndPasses()
    {
        _store.PutLink("images/current", "talos/1.9.1");

        var report = await _auditor.AuditAsync(_store, new AuditOptions(), default);

        var finding = Assert.Single(report.Findings);
        Assert.Equal(("images/current", AuditStatus.Link), (finding.Path, finding.Status));
        Assert.Equal("symbolic link to talos/1.9.1, not followed", finding.Detail);
        Assert.False(report.Failed);
    }

    [Fact]
    public async Task AuditAsync_RecordedImageReplacedByALink_ReportsMissingAndFails()
    {
        var image = TestImages.Http("talos");
        var bytes = "talos bytes"u8.ToArray();
        _store.PutMetadata(image.MetadataKey, TestImages.Metadata(image, TestImages.Sha256(bytes).ToString(), size: bytes.Length));
        _store.PutLink(image.ObjectKey, "elsewhere.raw");

        var report = await _auditor.AuditAsync(_store, new AuditOptions(), default);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((image.ObjectKey, AuditStatus.Missing), (finding.Path, finding.Status));
        Assert.Equal($"{image.MetadataKey} records it, but it is a symbolic link (to elsewhere.raw), not the image", finding.Detail);
        Assert.True(report.Failed);
    }

    [Fact]
    public async Task AuditAsync_OpenReadKeepsThrowingStoreException_ReportsUnreadableWithItsMessage()
    {
        var image = Publish("flaky", "bytes the store will not give back");
        var store = new RecordingStore(_store, key => new StoreException($"GET '{key}' failed: 503 Slow Down", key, isRetryable: true));

        var report = await _auditor.AuditAsync(store, new AuditOptions(), default);

        var finding = Assert.Single(report.Findings);
        Assert.Equal((image.ObjectKey, AuditStatus.Unreadable), (finding.Path, finding.Status));
        Assert.Equal($"GET '{image.ObjectKey}' failed: 503 Slow Down", finding.Detail);
        Assert.Equal([image.ObjectKey], store.Opened);
        Assert.True(report.Failed);
    }

    [Fact]
    public async Task AuditAsync_SampleHalfOfFourImages_ReadsTwoAndReportsTheOthersNotSampled()
    {
        string[] names = ["a", "b", "c", "d"];
        var images = names.Select(n => Publish(n, $"bytes of {n}")).ToList();
        var store = new RecordingStore(_store);
        var options = new AuditOptions { SamplePercent = 50, Random = new Random(42) };

        var report = await _auditor.AuditAsync(store, options, default);

        Assert.Equal(images.Select(i => i.ObjectKey), report.Findings.Select(f => f.Path));
        var read = report.Findings.Where(f => f.Status == AuditStatus.Ok).Select(f => f.Path).ToList();
        var skipped = report.Findings.Where(f => f.Status == AuditStatus.NotSampled).ToList();
        Assert.Equal(2, read.Count);
        Assert.Equal(2, skipped.Count);
        Assert.Equal(read, store.Opened.Order(StringComparer.Ordinal));
        Assert.All(skipped, f => Assert.Equal("present with the recorded size; not read this time", f.Detail));
        Assert.False(report.Failed);
    }

    /// <summary>Puts <paramref name="content"/> and metadata that describes it exactly, as a completed Sync leaves them.</summary>
    private ImageDefinition Publish(string name, string content)
    {
        var image = TestImages.Http(name);
        var bytes = Encoding.UTF8.GetBytes(content);
        _store.PutRaw(image.ObjectKey, bytes);
        _store.PutMetadata(image.MetadataKey, TestImages.Metadata(image, TestImages.Sha256(bytes).ToString(), size: bytes.Length));
        return image;
    }

    /// <summary>The in-memory store, recording which objects are opened for reading; <paramref name="openFault"/> (when set) makes every open throw.</summary>
    private sealed class RecordingStore(InMemoryImageStore inner, Func<string, StoreException>? openFault = null) : IImageStore
    {
        private readonly List<string> _opened = [];

        /// <summary>Keys passed to <see cref="OpenReadAsync"/>, in call order.</summary>
        public IReadOnlyList<string> Opened
        {
            get
            {
                lock (_opened)
                {
                    return [.. _opened];
                }
            }
        }

        public string Description => inner.Description;

        public Task CheckAsync(CancellationToken cancellationToken) => inner.CheckAsync(cancellationToken);

        public Task<IStagedUpload> BeginUploadAsync(string key, Checksum digest, CancellationToken cancellationToken) => inner.BeginUploadAsync(key, digest, cancellationToken);

        public Task<StoredObject?> StatAsync(string key, CancellationToken cancellationToken) => inner.StatAsync(key, cancellationToken);

        public Task<Stream?> OpenReadAsync(string key, long offset, CancellationToken cancellationToken)
        {
            lock (_opened)
            {
                _opened.Add(key);
            }

            return openFault is null ? inner.OpenReadAsync(key, offset, cancellationToken) : Task.FromException<Stream?>(openFault(key));
        }

        public Task<ImageMetadata?> ReadMetadataAsync(string key, CancellationToken cancellationToken) => inner.ReadMetadataAsync(key, cancellationToken);

        public Task WriteMetadataAsync(string key, ImageMetadata metadata, CancellationToken cancellationToken) => inner.WriteMetadataAsync(key, metadata, cancellationToken);

        public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task<int> AbortIncompleteUploadsAsync(StagedUploadFilter filter, CancellationToken cancellationToken) => inner.AbortIncompleteUploadsAsync(filter, cancellationToken);
    }
}
