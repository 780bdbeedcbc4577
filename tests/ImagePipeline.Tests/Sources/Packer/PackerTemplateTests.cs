using ImagePipeline.Sources.Packer;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Sources.Packer;

public sealed class PackerTemplateTests
{
    [Fact]
    public void DeclaresRequiredPlugins_CommentedOutOrDeclared_FalseThenTrue()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.Combine("a.pkr.hcl"), "# required_plugins are not needed\n/* required_plugins */ source \"null\" \"x\" {}\n");

        Assert.False(PackerTemplate.DeclaresRequiredPlugins(directory.Path));

        File.WriteAllText(directory.Combine("b.pkr.hcl"), "packer {\n  required_plugins {\n  }\n}\n");
        Assert.True(PackerTemplate.DeclaresRequiredPlugins(directory.Path));
    }
}
