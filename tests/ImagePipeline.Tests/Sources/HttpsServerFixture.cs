using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Sources;

/// <summary>One <see cref="HttpsTestServer"/> per test class; each test maps its own paths.</summary>
public sealed class HttpsServerFixture : IAsyncLifetime
{
    public HttpsTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await HttpsTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
