using System.Security.Cryptography;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Terminal;

/// <summary>
/// Repositories whose Sync takes a few seconds: one image trickles in over local HTTPS (so a live display draws several
/// frames while it is acquired), one file image fails Verify (its checksum is wrong). One server for the test class,
/// a fresh route and repository per run.
/// </summary>
public sealed class SlowSyncRepositories : IAsyncLifetime
{
    private readonly byte[] _slow = RandomNumberGenerator.GetBytes(400);
    private HttpsTestServer _server = null!;

    public async Task InitializeAsync() => _server = await HttpsTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    internal TestRepository Create()
    {
        // Validate's HEAD, then a GET that sends 200 bytes at once and one byte every 10 ms (2 s or more in the Acquiring
        // stage) until the server cuts it off; the retry gets the rest.
        var path = $"/{Guid.NewGuid():N}/slow.img";
        _server.Map(path, new TestRoute { Content = _slow, TrickleAfter = 200, TrickleInterval = TimeSpan.FromMilliseconds(10), FaultyResponses = 2 });
        var repository = new TestRepository();
        repository.Environment["SSL_CERT_FILE"] = _server.CertificatePemPath;
        repository.Write("files/broken.img", "not what the manifest pinned");
        repository.Write("images/images.yaml", $"""
            apiVersion: images.lab.gilman.io/v1alpha1
            kind: ImageManifest
            metadata:
              name: terminal
            spec:
              defaults:
                destinationPrefix: images/
                validation:
                  algorithm: sha256
              images:
                - name: slow-disk-1.0
                  source:
                    type: http
                    url: {_server.Url(path)}
                    checksum: {TestImages.Sha256(_slow)}
                  destination:
                    path: slow/1.0/disk.img
                - name: broken-disk-1.0
                  source:
                    type: file
                    path: files/broken.img
                    checksum: {TestImages.Sha256Of("something else")}
                  destination:
                    path: broken/1.0/disk.img

            """);
        return repository;
    }
}
