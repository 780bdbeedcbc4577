using ImagePipeline.Sources;
using ImagePipeline.Sources.Http;
using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Sources;

public sealed class SourceProbeTests(HttpsServerFixture fixture) : IClassFixture<HttpsServerFixture>, IDisposable
{
    private readonly HttpClient _client = new SecureHttpClientFactory(fixture.Server.TrustingEnvironment).CreateClient();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Probe_HeadAllowed_ReportsStatusAndLength()
    {
        var (url, route) = Serve(new TestRoute { Content = new byte[12345] });

        var result = await Probe(url);

        Assert.True(result.Reachable);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(12345, result.ContentLength);
        Assert.Equal("HEAD", result.Method);
        Assert.Equal("HEAD", route.Requests.Single().Method);
    }

    [Fact]
    public async Task Probe_HeadRefused_FallsBackToOneByteRangedGet()
    {
        var (url, route) = Serve(new TestRoute { Content = new byte[54321], RefuseHead = true });

        var result = await Probe(url);

        Assert.True(result.Reachable);
        Assert.Equal(206, result.StatusCode);
        Assert.Equal(54321, result.ContentLength);
        Assert.Equal("GET", result.Method);
        Assert.Equal("bytes=0-0", route.Requests[1].Range);
    }

    [Fact]
    public async Task Probe_NotFound_Unreachable()
    {
        var (url, _) = Serve(new TestRoute { Status = 404 });

        var result = await Probe(url);

        Assert.False(result.Reachable);
        Assert.Equal(404, result.StatusCode);
        Assert.Contains("404", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_RedirectToHttp_Rejected()
    {
        var (url, _) = Serve(new TestRoute { RedirectTo = new Uri("http://127.0.0.1:1/image.raw") });

        var result = await Probe(url);

        Assert.False(result.Reachable);
        Assert.Contains("non-https", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Probe_UntrustedCertificate_UnreachableWithTlsError()
    {
        var (url, _) = Serve(new TestRoute { Content = [1] });
        using var untrusting = new SecureHttpClientFactory(_ => null).CreateClient();

        var result = await new SourceProbe(untrusting).ProbeAsync(url, CancellationToken.None);

        Assert.False(result.Reachable);
        Assert.Contains("TLS", result.Error, StringComparison.Ordinal);
    }

    private Task<SourceProbeResult> Probe(Uri url) => new SourceProbe(_client).ProbeAsync(url, CancellationToken.None);

    private (Uri Url, TestRoute Route) Serve(TestRoute route)
    {
        var path = "/" + Guid.NewGuid().ToString("N");
        fixture.Server.Map(path, route);
        return (fixture.Server.Url(path), route);
    }
}
