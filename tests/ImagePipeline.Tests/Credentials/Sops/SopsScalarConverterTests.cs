using System.Text;
using ImagePipeline.Credentials.Sops;
using YamlDotNet.Core;

namespace ImagePipeline.Tests.Credentials.Sops;

/// <summary>
/// The bytes sops hashes for each value: yaml.v3's typing of cleartext scalars and Go's formatting
/// (expected strings are what Go's strconv prints).
/// </summary>
public sealed class SopsScalarConverterTests
{
    [Theory]
    [InlineData("hello", SopsValueType.Text, "hello")]
    [InlineData("92", SopsValueType.Integral, "92")]
    [InlineData("0x1F", SopsValueType.Integral, "31")]
    [InlineData("0o17", SopsValueType.Integral, "15")]
    [InlineData("017", SopsValueType.Integral, "15")]
    [InlineData("1_000", SopsValueType.Integral, "1000")]
    [InlineData("-5", SopsValueType.Integral, "-5")]
    [InlineData("1.50", SopsValueType.FloatingPoint, "1.5")]
    [InlineData("1e3", SopsValueType.FloatingPoint, "1000")]
    [InlineData("1.234568e9", SopsValueType.FloatingPoint, "1234568000")]
    [InlineData("1e-7", SopsValueType.FloatingPoint, "0.0000001")]
    [InlineData(".inf", SopsValueType.FloatingPoint, "+Inf")]
    [InlineData("true", SopsValueType.Logical, "True")]
    [InlineData("FALSE", SopsValueType.Logical, "False")]
    [InlineData("yes", SopsValueType.Text, "yes")]
    [InlineData("2024-03-25", SopsValueType.Text, "2024-03-25")]
    [InlineData("1e400", SopsValueType.Text, "1e400")]
    [InlineData("https://s3.example.test", SopsValueType.Text, "https://s3.example.test")]
    public void FromCleartext_PlainScalar_ResolvesLikeYamlV3(string text, SopsValueType type, string macText)
    {
        var value = SopsScalarConverter.FromCleartext(new YamlTreeScalar(text, ScalarStyle.Plain, string.Empty));

        Assert.Equal(type, value!.Value.Type);
        Assert.Equal(macText, Encoding.UTF8.GetString(value.Value.MacBytes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("~")]
    [InlineData("null")]
    public void FromCleartext_Null_IsSkipped(string text)
    {
        Assert.Null(SopsScalarConverter.FromCleartext(new YamlTreeScalar(text, ScalarStyle.Plain, string.Empty)));
    }

    [Fact]
    public void FromCleartext_QuotedNumber_StaysText()
    {
        var value = SopsScalarConverter.FromCleartext(new YamlTreeScalar("0x1F", ScalarStyle.DoubleQuoted, string.Empty));

        Assert.Equal(SopsValueType.Text, value!.Value.Type);
        Assert.Equal("0x1F", Encoding.UTF8.GetString(value.Value.MacBytes));
    }

    [Theory]
    [InlineData("int", "007", "7")]
    [InlineData("float", "3.14", "3.14")]
    [InlineData("float", "1234568000", "1234568000")]
    [InlineData("bool", "True", "True")]
    [InlineData("bool", "f", "False")]
    [InlineData("str", "  spaced  ", "  spaced  ")]
    public void FromDecrypted_TypedPlaintext_RendersLikeSopsToBytes(string type, string plaintext, string macText)
    {
        var value = SopsScalarConverter.FromDecrypted(type, Encoding.UTF8.GetBytes(plaintext));

        Assert.Equal(macText, Encoding.UTF8.GetString(value.MacBytes));
    }

    [Theory]
    [InlineData("int", "seven")]
    [InlineData("bool", "yes")]
    [InlineData("float", "1,5")]
    [InlineData("decimal", "1")]
    public void FromDecrypted_PlaintextNotOfItsType_Throws(string type, string plaintext)
    {
        Assert.Throws<FormatException>(() => SopsScalarConverter.FromDecrypted(type, Encoding.UTF8.GetBytes(plaintext)));
    }

    [Theory]
    [InlineData("2025-08-06T18:55:05Z", "2025-08-06T18:55:05Z")]
    [InlineData("2025-08-06T18:55:05.123456Z", "2025-08-06T18:55:05Z")]
    [InlineData("2025-08-06T18:55:05+00:00", "2025-08-06T18:55:05Z")]
    [InlineData("2025-08-06T20:55:05+02:00", "2025-08-06T20:55:05+02:00")]
    public void LastModified_Rfc3339_FormatsLikeGo(string stored, string additionalData)
    {
        Assert.True(SopsLastModified.TryFormat(stored, out var formatted));
        Assert.Equal(additionalData, formatted);
    }
}
