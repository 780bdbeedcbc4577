namespace ImagePipeline.Engine.Tests;

public sealed class NameStyleTests
{
    [Theory]
    [InlineData("MaxImageSize", "max-image-size", "MAX_IMAGE_SIZE")]
    [InlineData("DryRun", "dry-run", "DRY_RUN")]
    [InlineData("S3Bucket", "s3-bucket", "S3_BUCKET")]
    [InlineData("HTTPServer", "http-server", "HTTP_SERVER")]
    [InlineData("Help", "help", "HELP")]
    public void KebabAndUpperSnake_SplitWordsAcronymsAndDigits(string member, string kebab, string snake)
    {
        Assert.Equal(kebab, NameStyle.Kebab(member));
        Assert.Equal(snake, NameStyle.UpperSnake(member));
    }
}
