using System.Text.RegularExpressions;
using ImagePipeline.Testing;

namespace ImagePipeline.Build.Tests.Docs;

/// <summary>
/// A copy of what the docs' commands read: the quick start, the packer template, and images/images.yaml with its
/// placeholder checksums filled in (Pin's job) plus the images the docs name that it does not list (talos-1.9.2, the
/// update flow's bump, and the quick start's tiny-disk-1.0), so every documented <c>--image</c> exists.
/// </summary>
internal static partial class DocsRepository
{
    public static TestRepository Create()
    {
        var repository = new TestRepository();
        repository.CopyFromRepository("examples/quickstart");
        repository.CopyFromRepository("infrastructure/network/vyos/packer");
        var manifest = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "images", "images.yaml"));
        manifest = Placeholder().Replace(manifest, match => match.Groups[1].Value + ":" + new string('a', match.Groups[1].Value == "sha512" ? 128 : 64));
        repository.Write("images/images.yaml", manifest.TrimEnd() + "\n" + $"""

                - name: talos-1.9.2
                  source:
                    type: http
                    url: https://factory.talos.dev/image/376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba/v1.9.2/metal-amd64.raw.xz
                    checksum: sha256:{new string('b', 64)}
                    decompress: xz
                  destination:
                    path: talos/1.9.2/metal-amd64.raw
                  validation:
                    expected: sha256:{new string('c', 64)}

                - name: tiny-disk-1.0
                  source:
                    type: file
                    path: examples/quickstart/files/tiny-disk-1.0.img
                    checksum: sha256:7d5e1418c732c3b79d213119c70996704c72ad9b3ea68ce0f1cad0eb40db07a9
                  destination:
                    path: tiny-disk/1.0/tiny-disk.img

            """);
        repository.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        return repository;
    }

    [GeneratedRegex(@"(sha256|sha512):REPLACE_WITH_[A-Z_]+")]
    private static partial Regex Placeholder();
}
