using System.Text.Json;
using ImagePipeline.Manifest;
using ImagePipeline.Testing;
using Json.Schema;

namespace ImagePipeline.Tests.Manifest;

/// <summary>
/// The checked-in images/images.schema.json, run by a real JSON Schema validator (JsonSchema.Net)
/// the way an editor's YAML language server uses it: every shipped manifest passes, and a broken
/// one fails at the instance path of the mistake, with only the matching source type's rules.
/// </summary>
public sealed class ManifestSchemaValidationTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryPaths.Root, ManifestSchema.RelativePath)));

    public static TheoryData<string> ShippedManifests() => [.. ShippedManifestPaths()];

    [Theory]
    [MemberData(nameof(ShippedManifests))]
    public void ShippedManifest_IsValidAgainstTheSchema(string relativePath)
    {
        var results = Evaluate(File.ReadAllText(Path.Combine(RepositoryPaths.Root, relativePath)));

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void ShippedManifests_IncludeTheMainAndTheQuickstartManifest()
    {
        Assert.Contains("images/images.yaml", ShippedManifestPaths());
        Assert.Contains("examples/quickstart/images.yaml", ShippedManifestPaths());
    }

    [Theory]
    [InlineData("decompress: xz", "decompress: bzip2", "/spec/images/0/source/decompress")]
    [InlineData("        url: https://example.test/disk.img.xz\n", "", "/spec/images/0/source")]
    [InlineData("type: http", "type: ftp", "/spec/images/0/source/type")]
    [InlineData("path: disk.raw", "path: a/../disk.raw", "/spec/images/0/destination/path")]
    [InlineData("path: disk.raw", "path: a/%2e%2e/disk.raw", "/spec/images/0/destination/path")]
    [InlineData("checksum: sha256:aaaa", "checksum: md5:aaaa", "/spec/images/0/source/checksum")]
    public void BrokenManifest_IsRejectedAtTheInstancePathOfTheMistake(string original, string broken, string instancePath)
    {
        var yaml = HttpManifest.Replace(original, broken, StringComparison.Ordinal);
        Assert.NotEqual(HttpManifest, yaml);
        Assert.True(Evaluate(HttpManifest).IsValid, Describe(Evaluate(HttpManifest)));

        var results = Evaluate(yaml);

        Assert.False(results.IsValid);
        var failures = Failures(results);
        Assert.Contains(failures, f => f.Instance == instancePath);
        Assert.DoesNotContain(failures, f => f.Evaluation.Contains("packerSource", StringComparison.Ordinal) || f.Evaluation.Contains("fileSource", StringComparison.Ordinal));
    }

    private static readonly string HttpManifest = ManifestTestRoot.WithImages("""
            - name: disk
              source:
                type: http
                url: https://example.test/disk.img.xz
                checksum: sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
                decompress: xz
              destination:
                path: disk.raw
              validation:
                expected: sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb

        """);

    private static IEnumerable<string> ShippedManifestPaths()
    {
        var root = RepositoryPaths.Root;
        return Directory.EnumerateFiles(Path.Combine(root, "images"), "*.yaml")
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "examples"), "*.yaml", SearchOption.AllDirectories))
            .Where(path => File.ReadAllText(path).Contains("\nkind: ImageManifest", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
    }

    private static EvaluationResults Evaluate(string yaml) =>
        Schema.Evaluate(JsonSerializer.SerializeToElement(YamlJson.Parse(yaml)), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static List<(string Instance, string Evaluation, string Message)> Failures(EvaluationResults results) =>
        [.. (results.Details ?? [])
            .Where(d => !d.IsValid && d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Contains("/if/", StringComparison.Ordinal))
            .SelectMany(d => d.Errors!.Select(e => (d.InstanceLocation.ToString(), d.EvaluationPath.ToString(), $"{e.Key}: {e.Value}")))];

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", Failures(results).Select(f => $"{f.Instance} ({f.Evaluation}): {f.Message}"));
}
