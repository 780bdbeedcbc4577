using System.Text.Json;

namespace ImagePipeline.Engine.Tests;

public sealed class BuildSchemaTests
{
    [Fact]
    public void Generate_Twice_IsIdenticalWithUnixNewlines()
    {
        var first = BuildSchema.Generate<ParameterBuild>();
        var second = BuildSchema.Generate(new ParameterBuild());

        Assert.Equal(first, second);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        Assert.EndsWith("}\n", first, StringComparison.Ordinal);
        Assert.Contains("\n  \"type\": \"object\",\n", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ChainBuild_DescribesParametersAndListedTargets()
    {
        using var schema = JsonDocument.Parse(BuildSchema.Generate<ChainBuild>());
        var root = schema.RootElement;

        Assert.Equal("http://json-schema.org/draft-07/schema#", root.GetProperty("$schema").GetString());
        var targets = root.GetProperty("definitions").GetProperty("Target").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(["Acquire", "Prune", "Sync", "Validate", "Verify"], targets);
        var properties = root.GetProperty("properties");
        Assert.Equal("#/definitions/Target", properties.GetProperty("Skip").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal("integer", properties.GetProperty("Parallelism").GetProperty("type").GetString());
        Assert.Equal(["text", "json"], properties.GetProperty("LogFormat").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("array", properties.GetProperty("Inputs").GetProperty("type").GetString());
        Assert.False(properties.TryGetProperty("Profile", out _));
        var names = properties.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Generate_ParameterBuild_UsesOverriddenNamesAndJsonTypes()
    {
        using var schema = JsonDocument.Parse(BuildSchema.Generate<ParameterBuild>());
        var properties = schema.RootElement.GetProperty("properties");

        Assert.Equal("Bucket to use", properties.GetProperty("Bucket").GetProperty("description").GetString());
        Assert.Equal("boolean", properties.GetProperty("DryRun").GetProperty("type").GetString());
        Assert.Equal(["fast", "very-slow"], properties.GetProperty("Speed").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
