using ImagePipeline.Sources.Packer;

namespace ImagePipeline.Tests.Sources.Packer;

public sealed class PackerVariablesTests
{
    [Fact]
    public void Resolve_EnvironmentReferencesInsideValue_SubstitutesAndMasksOnlyEnvironmentValues()
    {
        var variables = PackerVariables.Resolve(
            "img",
            new Dictionary<string, string> { ["url"] = "https://${env:USER_NAME}:${env:PASSWORD}@host", ["plain"] = "visible" },
            name => name switch { "USER_NAME" => "bob", "PASSWORD" => "hunter2", _ => null });

        Assert.Equal("https://bob:hunter2@host", variables.Values["url"]);
        Assert.Equal("https://***:***@host visible", variables.Masker.Apply("https://bob:hunter2@host visible"));
        Assert.Equal("plain=visible url=https://***:***@host", variables.ToString());
        Assert.Contains(KeyValuePair.Create("PKR_VAR_url", "https://bob:hunter2@host"), variables.ToEnvironment());
    }

    [Fact]
    public void Resolve_InvalidVariableName_ThrowsNamingImageAndVariable()
    {
        var error = Assert.Throws<PackerVariableException>(() => PackerVariables.Resolve(
            "img", new Dictionary<string, string> { ["bad name"] = "x" }, _ => null));

        Assert.StartsWith("img: source.variables.bad name:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Masker_SecretContainingAnotherSecret_MasksLongestWhole()
    {
        var masker = new SecretMasker(["abc", "abcdef", ""]);

        Assert.Equal("*** and ***", masker.Apply("abcdef and abc"));
    }
}
