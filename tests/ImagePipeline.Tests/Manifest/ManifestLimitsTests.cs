using System.Text;
using ImagePipeline.Manifest;
using static ImagePipeline.Tests.Manifest.ManifestTestRoot;

namespace ImagePipeline.Tests.Manifest;

/// <summary>Hostile or broken input ends in one located error with a short message, never a crash or a huge allocation.</summary>
public sealed class ManifestLimitsTests : IDisposable
{
    private const int FiftyMegabytes = 50 * 1024 * 1024;

    private readonly ManifestTestRoot root = new();

    public void Dispose() => root.Dispose();

    [Fact]
    public void Load_FlowSequencesNested40000Deep_ReportsTheDepthLimitAtTheFirstLevelTooDeep()
    {
        File.WriteAllText(root.ManifestPath, "spec: " + new string('[', 40_000) + new string(']', 40_000) + "\n");

        var error = Assert.Single(LoadErrors());

        ManifestAssert.At(error, null, "", 1, 6 + ManifestLimits.MaxDepth, $"nested more than {ManifestLimits.MaxDepth} levels deep");
    }

    [Fact]
    public void Load_BlockMappingsNested40Deep_ReportsTheDepthLimit()
    {
        var yaml = new StringBuilder();
        for (var level = 0; level < 40; level++)
        {
            yaml.Append(' ', level * 2).Append("k:\n");
        }

        File.WriteAllText(root.ManifestPath, yaml.Append(' ', 80).Append("v\n").ToString());

        var error = Assert.Single(LoadErrors());

        Assert.Equal(ManifestLimits.MaxDepth + 1, error.Line);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("url")]
    public void Load_FiftyMegabyteValue_FailsOnTheFileSizeWithoutReadingIt(string field)
    {
        var huge = new string('a', FiftyMegabytes);
        var images = field == "name"
            ? HttpImage().Replace("name: disk", "name: " + huge, StringComparison.Ordinal)
            : HttpImage().Replace("https://example.test/disk.img", "https://example.test/" + huge, StringComparison.Ordinal);
        File.WriteAllText(root.ManifestPath, WithImages(images));
        huge = null;
        images = null;

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Single(LoadErrors());
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Contains("more than the limit of 1,048,576 bytes", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 200, error.Message);
        Assert.True(allocated < 4 * 1024 * 1024, $"allocated {allocated:N0} bytes to refuse the file");
    }

    [Fact]
    public void Parse_ScalarLongerThanTheLimit_IsLocatedAndQuotedShort()
    {
        var name = new string('n', ManifestLimits.MaxScalarLength + 1);

        var error = root.ImageError(HttpImage().Replace("name: disk", "name: " + name, StringComparison.Ordinal));

        ManifestAssert.At(error, null, "", 7, 13, "a value of 8,193 characters is longer than the limit of 8,192");
        Assert.True(error.Message.Length < 250, error.Message);
    }

    [Fact]
    public void Parse_UrlLongerThan2048_IsRejectedQuotingAtMost100CharactersAndNoSecret()
    {
        var url = "https://user:hunter2@example.test/" + new string('p', 3000) + "?token=s3cr3t";

        var error = root.ImageError(HttpImage().Replace("https://example.test/disk.img", url, StringComparison.Ordinal));

        ManifestAssert.At(error, "disk", "source.url", 10, 14, $"is {url.Length:N0} characters, more than the limit of 2,048");
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.Contains("https://***@example.test/ppp", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 250, error.Message);
    }

    [Fact]
    public void Parse_LongUnknownKey_IsQuotedShort()
    {
        var key = new string('k', 1000);

        var error = root.ImageError(HttpImage() + $"      {key}: 1\n");

        Assert.Contains("unknown key `kkkk", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length < 300, error.Message);
    }

    [Fact]
    public void Parse_TabAsIndentation_IsReportedAtItsLineAndColumn()
    {
        var errors = root.Errors(WithImages(HttpImage()).Replace("  images:", "\timages:", StringComparison.Ordinal));

        ManifestAssert.At(Assert.Single(errors), null, "", 6, 1, "tab");
    }

    [Fact]
    public void Load_ByteThatIsNotUtf8_IsReportedAtItsLineAndColumn()
    {
        var text = Encoding.UTF8.GetBytes(WithImages(HttpImage(path: "caf\u00e9/disk.img")));
        var at = Array.IndexOf(text, (byte)0xC3);
        text[at] = 0xE9;
        text = [.. text[..(at + 1)], .. text[(at + 2)..]];
        File.WriteAllBytes(root.ManifestPath, text);

        var error = Assert.Single(LoadErrors());

        ManifestAssert.At(error, null, "", 13, 18, "byte 0xE9 is not valid UTF-8");
    }

    [Fact]
    public void Load_ManifestThatCannotBeRead_IsAnErrorNamingTheFile()
    {
        // /proc/self/mem exists but every read of it at offset 0 fails with EIO.
        File.CreateSymbolicLink(root.ManifestPath, "/proc/self/mem");

        var error = Assert.Single(LoadErrors());

        Assert.StartsWith($"cannot read the manifest {root.ManifestPath}: ", error.Message, StringComparison.Ordinal);
    }

    private IReadOnlyList<ManifestError> LoadErrors() =>
        Assert.Throws<ManifestException>(() => ManifestLoader.Load(root.ManifestPath, root.Path)).Errors;
}
