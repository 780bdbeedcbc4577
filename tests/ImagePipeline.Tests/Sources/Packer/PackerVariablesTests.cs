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

    [Theory]
    [InlineData("Packer v1.6.6\n", "1.6.6", false)]
    [InlineData("Packer v1.11.2\n\nYour version of Packer is out of date!", "1.11.2", true)]
    [InlineData("Packer v1.7.0-dev (abc)", "1.7.0-dev", true)]
    public void PackerVersion_TryParse_ReadsVersionAndInitSupport(string output, string text, bool supportsInit)
    {
        Assert.True(PackerVersion.TryParse(output, out var version));
        Assert.Equal(text, version!.Text);
        Assert.Equal(supportsInit, version.SupportsInit);
    }

    [Fact]
    public void DeclaresRequiredPlugins_OnlyInComment_False()
    {
        using var directory = new ImagePipeline.Testing.TempDirectory();
        File.WriteAllText(directory.Combine("a.pkr.hcl"), "# required_plugins are not needed\n/* required_plugins */ source \"null\" \"x\" {}\n");

        Assert.False(PackerTemplate.DeclaresRequiredPlugins(directory.Path));

        File.WriteAllText(directory.Combine("b.pkr.hcl"), "packer {\n  required_plugins {\n  }\n}\n");
        Assert.True(PackerTemplate.DeclaresRequiredPlugins(directory.Path));
    }
}
