using System.Text.Json;
using System.Text.RegularExpressions;
using ImagePipeline.Layout;
using ImagePipeline.Manifest;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Manifest;

public sealed class ManifestSchemaTests
{
    [Fact]
    public void CheckedInSchema_IsCurrent()
    {
        var path = Path.Combine(RepositoryPaths.Root, ManifestSchema.RelativePath);
        var checkedIn = File.Exists(path) ? File.ReadAllText(path) : "";

        Assert.True(checkedIn == ManifestSchema.Generate(),
            $"{ManifestSchema.RelativePath} is stale: run `./build.sh GenerateSchemas` (it calls ManifestSchema.Write(root)) and commit the result.");
    }

    [Fact]
    public void Generate_IsDeterministicJsonWithTwoSpaceIndent()
    {
        var text = ManifestSchema.Generate();

        Assert.Equal(text, ManifestSchema.Generate());
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"$schema\": \"http://json-schema.org/draft-07/schema#\",\n", text, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(text);
        Assert.False(document.RootElement.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Generate_ListsEnumsFromTheModel()
    {
        using var document = JsonDocument.Parse(ManifestSchema.Generate());
        var definitions = document.RootElement.GetProperty("definitions");

        Assert.Equal(["xz", "gzip", "zstd"], Strings(definitions.GetProperty("decompress").GetProperty("enum")));
        Assert.Equal(["sha256", "sha512"], Strings(definitions.GetProperty("algorithm").GetProperty("enum")));
        Assert.Equal(["type", "url", "checksum", "decompress"], Names(definitions.GetProperty("httpSource").GetProperty("properties")));
        Assert.Equal(["type", "path", "artifact", "variables"], Names(definitions.GetProperty("packerSource").GetProperty("properties")));
        Assert.Equal(["name", "source", "destination", "validation"], Names(definitions.GetProperty("image").GetProperty("properties")));
    }

    [Theory]
    [InlineData("talos/1.9.1/metal-amd64.raw", true)]
    [InlineData("disk.img", true)]
    [InlineData("/disk.img", false)]
    [InlineData("disk/", false)]
    [InlineData("a//disk.img", false)]
    [InlineData("a/./disk.img", false)]
    [InlineData("a/../disk.img", false)]
    [InlineData("..", false)]
    [InlineData("a\\disk.img", false)]
    [InlineData("a\tdisk.img", false)]
    [InlineData("C:/disk.img", false)]
    [InlineData("a/..b/disk.img", true)]
    [InlineData("a/%2e%2e/disk.img", false)]
    [InlineData("a/%2F/disk.img", false)]
    [InlineData("a./disk.img", false)]
    [InlineData("a/disk.img ", false)]
    public void DestinationPathPattern_AgreesWithLoader(string path, bool valid)
    {
        Assert.Equal(valid, ObjectKeyRules.CheckPath(path) is null);
        Assert.Equal(valid, Regex.IsMatch(path, ManifestSchema.DestinationPathPattern));
    }

    [Theory]
    [InlineData("images/", true)]
    [InlineData("images/lab/", true)]
    [InlineData("lab/images/", false)]
    [InlineData("images/SHA256SUMS/", false)]
    [InlineData("images/Index.JSON/", false)]
    [InlineData("images/index.json.d/", true)]
    [InlineData("images//", false)]
    [InlineData("images/../", false)]
    [InlineData("images", false)]
    [InlineData("/images/", false)]
    [InlineData("/", false)]
    [InlineData("a//", false)]
    [InlineData("../images/", false)]
    [InlineData("./", false)]
    [InlineData("images./", false)]
    [InlineData("a%2e/", false)]
    public void DestinationPrefixPattern_AgreesWithLoader(string prefix, bool valid)
    {
        Assert.Equal(valid, (ObjectKeyRules.CheckPrefix(prefix) ?? StoreLayout.CheckPrefix(prefix)) is null);
        Assert.Equal(valid, Regex.IsMatch(prefix, ManifestSchema.DestinationPrefixPattern));
    }

    [Theory]
    [InlineData("talos-1.9.1", true)]
    [InlineData("Talos", false)]
    [InlineData("a_b", false)]
    public void NamePattern_AgreesWithLoader(string name, bool valid)
    {
        Assert.Equal(valid, ManifestVocabulary.IsValidName(name));
        Assert.Equal(valid, Regex.IsMatch(name, ManifestVocabulary.NamePattern));
    }

    [Theory]
    [InlineData("sha256:" + "ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12ab12", true)]
    [InlineData("sha256:REPLACE_WITH_PUBLISHED_CHECKSUM", true)]
    [InlineData("<sha512 of the file>", true)]
    [InlineData("sha256:todo", true)]
    [InlineData("sha256:abc", false)]
    [InlineData("md5:d41d8cd98f00b204e9800998ecf8427e", false)]
    public void ChecksumOrPlaceholderPattern_AgreesWithThePinLoader(string value, bool accepted)
    {
        Assert.Equal(accepted, Regex.IsMatch(value, ManifestVocabulary.ChecksumPattern) || ManifestVocabulary.IsPlaceholder(value));
        Assert.Equal(accepted, Regex.IsMatch(value, ManifestSchema.ChecksumOrPlaceholderPattern));
    }

    private static string[] Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static string[] Names(JsonElement obj) => [.. obj.EnumerateObject().Select(p => p.Name)];
}
