using ImagePipeline.GitHubActions;
using YamlMappingNode = YamlDotNet.RepresentationModel.YamlMappingNode;
using YamlScalarNode = YamlDotNet.RepresentationModel.YamlScalarNode;
using YamlSequenceNode = YamlDotNet.RepresentationModel.YamlSequenceNode;
using YamlStream = YamlDotNet.RepresentationModel.YamlStream;

namespace ImagePipeline.GitHubActions.Tests;

public class YamlWriterTests
{
    [Theory]
    [InlineData("hello", "hello")]
    [InlineData("images/**", "images/**")]
    [InlineData("${{ matrix.image }}", "${{ matrix.image }}")]
    [InlineData("actions/checkout@v4", "actions/checkout@v4")]
    [InlineData("", "''")]
    [InlineData("true", "'true'")]
    [InlineData("False", "'False'")]
    [InlineData("yes", "'yes'")]
    [InlineData("on", "'on'")]
    [InlineData("null", "'null'")]
    [InlineData("~", "'~'")]
    [InlineData("1", "'1'")]
    [InlineData("1.10", "'1.10'")]
    [InlineData("1.11.2", "'1.11.2'")]
    [InlineData("0x1F", "'0x1F'")]
    [InlineData("12:30", "'12:30'")]
    [InlineData("2024-01-01", "'2024-01-01'")]
    [InlineData(".inf", "'.inf'")]
    [InlineData("**/*.pkr.hcl", "'**/*.pkr.hcl'")]
    [InlineData("!matrix.packer", "'!matrix.packer'")]
    [InlineData("--force", "'--force'")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("a #b", "'a #b'")]
    [InlineData("key:", "'key:'")]
    [InlineData(" padded", "' padded'")]
    [InlineData("it's", "it's")]
    [InlineData("'quoted'", "'''quoted'''")]
    [InlineData("tab\there", "\"tab\\there\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    [InlineData("back\\slash \"q\"\r", "\"back\\\\slash \\\"q\\\"\\r\"")]
    public void FormatInline_Value_QuotesOnlyWhenNeeded(string value, string expected) =>
        Assert.Equal(expected, YamlWriter.FormatInline(value));

    [Theory]
    [InlineData("plain")]
    [InlineData("true")]
    [InlineData("on")]
    [InlineData("1.10")]
    [InlineData("")]
    [InlineData("'single' and \"double\"")]
    [InlineData("a: b # c")]
    [InlineData("- item")]
    [InlineData("tab\tand\u0001control")]
    [InlineData("line one\nline two\n")]
    [InlineData("no trailing newline\nsecond")]
    [InlineData("\nleading empty line")]
    [InlineData("  indented first line\nsecond\n")]
    [InlineData("trailing space \nsecond\n")]
    [InlineData("two trailing newlines\n\n")]
    [InlineData("crlf\r\nline\r\n")]
    [InlineData("ünïcödé → ✓")]
    public void Write_StringValue_ParsesBackToTheSameString(string value)
    {
        var yaml = YamlWriter.Write(new YamlMapping([KeyValuePair.Create("key", (YamlNode)value)]));

        var parsed = Parse(yaml);

        var scalar = Assert.IsType<YamlScalarNode>(((YamlMappingNode)parsed)["key"]);
        Assert.Equal(value, scalar.Value);
    }

    [Fact]
    public void Write_MultiLineString_UsesLiteralBlock()
    {
        var yaml = YamlWriter.Write(new YamlMapping([KeyValuePair.Create("run", (YamlNode)"echo one\n\necho two\n")]));

        Assert.Equal("run: |\n  echo one\n\n  echo two\n", yaml);
    }

    [Fact]
    public void Write_MultiLineWithoutFinalNewline_UsesStripChomping()
    {
        var yaml = YamlWriter.Write(new YamlMapping([KeyValuePair.Create("run", (YamlNode)"a\nb")]));

        Assert.Equal("run: |-\n  a\n  b\n", yaml);
    }

    [Fact]
    public void Write_TypedScalars_AreWrittenPlain()
    {
        var yaml = YamlWriter.Write(new YamlMapping(
        [
            KeyValuePair.Create("flag", (YamlNode)YamlScalar.Boolean(false)),
            KeyValuePair.Create("text", (YamlNode)YamlScalar.FromText("false")),
            KeyValuePair.Create("count", (YamlNode)YamlScalar.Number(4)),
            KeyValuePair.Create("nothing", (YamlNode)YamlScalar.Null),
        ]));

        Assert.Equal("flag: false\ntext: 'false'\ncount: 4\nnothing: null\n", yaml);
    }

    [Fact]
    public void Write_NestedCollections_IndentsSequencesUnderKeys()
    {
        var tree = new YamlMapping(
        [
            KeyValuePair.Create("steps", (YamlNode)new YamlSequence(
            [
                new YamlMapping([KeyValuePair.Create("name", (YamlNode)"a"), KeyValuePair.Create("with", (YamlNode)YamlMapping.Sorted([new("z", "1"), new("b", "x")]))]),
                new YamlMapping([KeyValuePair.Create("run", (YamlNode)"x\ny\n")]),
                "plain",
                new YamlSequence([YamlSequence.Of(["n"])]),
            ])),
            KeyValuePair.Create("empty", (YamlNode)new YamlMapping([])),
            KeyValuePair.Create("none", (YamlNode)new YamlSequence([])),
        ]);

        var yaml = YamlWriter.Write(tree);

        Assert.Equal(
            "steps:\n  - name: a\n    with:\n      b: x\n      z: '1'\n  - run: |\n      x\n      y\n  - plain\n  - - - 'n'\nempty: {}\nnone: []\n",
            yaml);
        Assert.Equal("x\ny\n", ((YamlScalarNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)Parse(yaml))["steps"]).Children[1])["run"]).Value);
    }

    [Fact]
    public void Write_SpacedMapping_PutsBlankLinesBetweenEntries()
    {
        var yaml = YamlWriter.Write(new YamlMapping([KeyValuePair.Create("a", (YamlNode)"one"), KeyValuePair.Create("b", (YamlNode)"two")]) { Spaced = true });

        Assert.Equal("a: one\n\nb: two\n", yaml);
    }

    [Theory]
    [InlineData("on", "on")]
    [InlineData("cancel-in-progress", "cancel-in-progress")]
    [InlineData("has space", "has space")]
    [InlineData("true", "'true'")]
    [InlineData("a: b", "'a: b'")]
    public void Write_Key_QuotedOnlyWhenYaml12WouldMisreadIt(string key, string expected)
    {
        var yaml = YamlWriter.Write(new YamlMapping([KeyValuePair.Create(key, (YamlNode)"v")]));

        Assert.Equal($"{expected}: v\n", yaml);
        Assert.Equal(key, ((YamlScalarNode)((YamlMappingNode)Parse(yaml)).Children.Single().Key).Value);
    }

    private static YamlDotNet.RepresentationModel.YamlNode Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }
}
