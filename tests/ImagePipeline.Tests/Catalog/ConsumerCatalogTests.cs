using System.Text;
using System.Text.Json;
using ImagePipeline.Catalog;
using ImagePipeline.Layout;
using ImagePipeline.Testing;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Tests.Catalog;

public sealed class ConsumerCatalogTests
{
    private readonly InMemoryImageStore _store = new();

    [Fact]
    public async Task From_Store_ListsOnlyImagesWithAgreeingObjectAndMetadata()
    {
        var published = TestImages.Http("published");
        var orphan = TestImages.Http("orphan");
        var wrongSize = TestImages.Http("wrong-size");
        TestImages.Publish(_store, published);
        _store.PutMetadata(orphan.MetadataKey, TestImages.Metadata(orphan, orphan.ExpectedOutput!.ToString()));
        _store.Put("images/unmanaged.iso", 5);
        _store.PutLink("images/current", "published");
        _store.Put(wrongSize.ObjectKey, 99, wrongSize.ExpectedOutput);
        _store.PutMetadata(wrongSize.MetadataKey, TestImages.Metadata(wrongSize, wrongSize.ExpectedOutput!.ToString(), size: 100));

        var catalog = ConsumerCatalog.From(await StoreInventory.ReadAsync(_store, StoreLayout.ImagesRoot, 4, default));

        var entry = Assert.Single(catalog.Entries);
        Assert.Equal(("published/published.iso", "published", published.ExpectedOutput), (entry.Path, entry.Name, entry.Checksum));
        Assert.Equal(wrongSize.ObjectKey, Assert.Single(catalog.Omitted).Key);
    }

    [Fact]
    public async Task Files_Sha512Image_GetsItsOwnSumsFileAndTheIndexListsAll()
    {
        var sha256 = TestImages.Http("a");
        var sha512 = TestImages.Http("b", Checksum.FromBytes(HashAlgorithmKind.Sha512, new byte[64]));
        TestImages.Publish(_store, sha256);
        TestImages.Publish(_store, sha512);

        var files = ConsumerCatalog.From(await StoreInventory.ReadAsync(_store, StoreLayout.ImagesRoot, 4, default)).Files();

        Assert.Equal(["images/SHA256SUMS", "images/SHA512SUMS", "images/index.json"], files.Select(f => f.Key));
        Assert.Equal($"{sha256.ExpectedOutput!.Hex}  a/a.iso\n", Encoding.UTF8.GetString(files[0].Content));
        Assert.Equal($"{sha512.ExpectedOutput!.Hex}  b/b.iso\n", Encoding.UTF8.GetString(files[1].Content));
        var index = JsonDocument.Parse(files[2].Content).RootElement;
        Assert.Equal(1, index.GetProperty("version").GetInt32());
        var images = index.GetProperty("images").EnumerateArray().ToList();
        Assert.Equal(["a/a.iso", "b/b.iso"], images.Select(i => i.GetProperty("path").GetString()));
        Assert.Equal(sha512.ExpectedOutput.ToString(), images[1].GetProperty("checksum").GetString());
        Assert.Equal(["name", "path", "checksum", "size", "uploadedAt", "sourceType"], images[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("1970-01-01T00:00:00Z", images[0].GetProperty("uploadedAt").GetString());
    }

    [Fact]
    public async Task Files_EmptyStore_HasAnEmptySha256SumsAndAnEmptyIndex()
    {
        var files = ConsumerCatalog.From(await StoreInventory.ReadAsync(_store, StoreLayout.ImagesRoot, 4, default)).Files();

        Assert.Equal(["images/SHA256SUMS", "images/index.json"], files.Select(f => f.Key));
        Assert.Empty(files[0].Content);
        Assert.Equal(0, JsonDocument.Parse(files[1].Content).RootElement.GetProperty("images").GetArrayLength());
    }

    [Fact]
    public async Task Write_ThenAgain_SecondChangesNothingAndADroppedAlgorithmsFileGoes()
    {
        var sha256 = TestImages.Http("a");
        var sha512 = TestImages.Http("b", Checksum.FromBytes(HashAlgorithmKind.Sha512, new byte[64]));
        TestImages.Publish(_store, sha256);
        TestImages.Publish(_store, sha512);
        var writer = new CatalogWriter(_store, Logger.None);

        var first = await writer.WriteAsync(DateTimeOffset.UtcNow, default);
        var second = await writer.WriteAsync(DateTimeOffset.UtcNow, default);
        await _store.DeleteAsync(sha512.ObjectKey, default);
        var third = await writer.WriteAsync(DateTimeOffset.UtcNow, default);

        Assert.Equal(["images/SHA256SUMS (1 image(s))", "images/SHA512SUMS (1 image(s))", "images/index.json (2 image(s))"], first.Select(c => c.ToString()));
        Assert.Empty(second);
        Assert.Equal(["images/index.json (1 image(s))", "images/SHA512SUMS (no image uses it any more)"], third.Select(c => c.ToString()));
        Assert.Null(await _store.StatAsync("images/SHA512SUMS", default));
        Assert.Equal($"{sha256.ExpectedOutput!.Hex}  a/a.iso\n", Encoding.UTF8.GetString(_store.Read("images/SHA256SUMS")!));
    }
}
