using ImagePipeline.Compression;
using ImagePipeline.Sources;
using ImagePipeline.Testing;
using ImagePipeline.Tests.Sources;
using ImagePipeline.Verification;
using Serilog.Core;

namespace ImagePipeline.Tests.Verification;

public sealed class VerifierTests(HttpsServerFixture fixture, SampleFiles samples)
    : IClassFixture<HttpsServerFixture>, IClassFixture<SampleFiles>, IDisposable
{
    private static readonly Checksum Wrong = Checksum.Parse("sha256:" + new string('0', 64));
    private readonly TempDirectory _work = new("verify-work");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task Verify_MatchingDigests_Passes()
    {
        var (image, acquired) = await AcquireAsync(source: null, output: null);

        Verifier.Verify(image, acquired);
    }

    [Fact]
    public async Task Verify_WrongSourceDigest_ThrowsMismatchWithBothValues()
    {
        var (image, acquired) = await AcquireAsync(source: Wrong, output: null);

        var error = Assert.Throws<ChecksumMismatchException>(() => Verifier.Verify(image, acquired));

        Assert.Equal("verified source", error.Subject);
        Assert.Equal(Wrong, error.Expected);
        Assert.Equal(TestImages.Sha256(samples.XzPath), error.Actual);
    }

    [Fact]
    public async Task Verify_HtmlPageInsteadOfTheImage_SaysSoBesideTheMismatch()
    {
        var path = "/" + Guid.NewGuid().ToString("N") + ".iso";
        fixture.Server.Map(path, new TestRoute { Content = "<html><body>Please log in</body></html>"u8.ToArray(), ContentType = "text/html" });
        var image = TestImages.Http("portal", fixture.Server.Url(path), Wrong);
        using var acquirer = new TestAcquirer(_work.Path, environment: fixture.Server.TrustingEnvironment);
        var acquired = (await acquirer.AcquireAsync(image)).Image;

        var error = Assert.Throws<ChecksumMismatchException>(() => Verifier.Verify(image, acquired));

        Assert.Contains("checksum mismatch", error.Message, StringComparison.Ordinal);
        Assert.Contains("the server sent text/html, a web page", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WrongOutputDigest_ThrowsMismatchWithBothValues()
    {
        var (image, acquired) = await AcquireAsync(source: null, output: Wrong);

        var error = Assert.Throws<ChecksumMismatchException>(() => Verifier.Verify(image, acquired));

        Assert.Equal("verified output", error.Subject);
        Assert.Equal(TestImages.Sha256(samples.Raw), error.Actual);
        Assert.Contains(Wrong.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ImageWithoutSourceChecksum_RefusesRatherThanPassing()
    {
        var (image, acquired) = await AcquireAsync(source: null, output: null);
        var unpinned = image with { Source = ((ImagePipeline.Manifest.HttpImageSource)image.Source) with { Checksum = null } };

        var error = Assert.Throws<InvalidOperationException>(() => Verifier.Verify(unpinned, acquired));

        Assert.Contains("verified: source.checksum is not known", error.Message, StringComparison.Ordinal);
    }

    private async Task<(ImagePipeline.Manifest.ImageDefinition Image, AcquiredImage Acquired)> AcquireAsync(Checksum? source, Checksum? output)
    {
        var path = "/" + Guid.NewGuid().ToString("N") + ".xz";
        fixture.Server.Map(path, new TestRoute { Content = await File.ReadAllBytesAsync(samples.XzPath) });
        var image = TestImages.Http("verified", fixture.Server.Url(path), source ?? TestImages.Sha256(samples.XzPath),
            CompressionFormat.Xz, output ?? TestImages.Sha256(samples.Raw));
        using var acquirer = new TestAcquirer(_work.Path, environment: fixture.Server.TrustingEnvironment);
        return (image, (await acquirer.AcquireAsync(image)).Image);
    }
}
