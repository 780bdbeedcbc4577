using ImagePipeline.Sources.Packer;

namespace ImagePipeline.Tests.Sources.Packer;

public sealed class PackerVersionTests
{
    [Theory]
    [InlineData("Packer v1.6.6\n", "1.6.6", false)]
    [InlineData("Packer v1.11.2\n\nYour version of Packer is out of date!", "1.11.2", true)]
    [InlineData("Packer v1.7.0-dev (abc)", "1.7.0-dev", true)]
    public void TryParse_PackerVersionOutput_ReadsVersionAndInitSupport(string output, string text, bool supportsInit)
    {
        Assert.True(PackerVersion.TryParse(output, out var version));
        Assert.Equal(text, version!.Text);
        Assert.Equal(supportsInit, version.SupportsInit);
    }
}
