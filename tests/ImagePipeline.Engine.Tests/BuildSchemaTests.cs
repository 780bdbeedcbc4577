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
    public void Generate_ChainBuild_DescribesBuildParametersButNoEngineOption()
    {
        using var schema = JsonDocument.Parse(BuildSchema.Generate<ChainBuild>());
        var root = schema.RootElement;

        Assert.Equal("http://json-schema.org/draft-07/schema#", root.GetProperty("$schema").GetString());
        var properties = root.GetProperty("properties");
        Assert.Equal("array", properties.GetProperty("Inputs").GetProperty("type").GetString());
        Assert.Equal("string", properties.GetProperty("Inputs").GetProperty("items").GetProperty("type").GetString());
        var names = properties.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["$schema", "Fail", "Inputs", "Invalid", "Mismatch", "Reason", "Unchanged"], names);
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
    }

    [Fact]
    public void Generate_ParameterBuild_UsesOverriddenNamesAndJsonTypes()
    {
        using var schema = JsonDocument.Parse(BuildSchema.Generate<ParameterBuild>());
        var properties = schema.RootElement.GetProperty("properties");

        Assert.Equal("Bucket to use", properties.GetProperty("Bucket").GetProperty("description").GetString());
        Assert.Equal("boolean", properties.GetProperty("DryRun").GetProperty("type").GetString());
        Assert.Equal(["fast", "very-slow"], properties.GetProperty("Speed").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal((1, 1000), (properties.GetProperty("MaxImageSize").GetProperty("minimum").GetInt32(), properties.GetProperty("MaxImageSize").GetProperty("maximum").GetInt32()));
        Assert.False(properties.GetProperty("Retries").TryGetProperty("maximum", out _));
    }
}
