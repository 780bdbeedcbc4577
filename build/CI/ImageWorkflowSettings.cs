namespace ImagePipeline.Build.CI;

/// <summary>The knobs of the generated workflows; the values in use are declared in Build.CI.GitHubActions.cs.</summary>
internal sealed record ImageWorkflowSettings
{
    /// <summary>The branch whose pushes publish images.</summary>
    public string Branch { get; init; } = "main";

    /// <summary>Changes under these globs start the workflows.</summary>
    public IReadOnlyList<string> Paths { get; init; } = ["images/**", "infrastructure/**/packer/**"];

    public string Manifest { get; init; } = "images/images.yaml";

    /// <summary>The SOPS-encrypted store credentials, decrypted with the <c>SOPS_AGE_KEY</c> secret.</summary>
    public string Credentials { get; init; } = "images/e2.sops.yaml";

    /// <summary>How many images are synced at once (one runner each).</summary>
    public int MaxParallel { get; init; } = 4;

    public string PackerVersion { get; init; } = "1.11.2";

    /// <summary>
    /// Repository secrets passed as environment variables to jobs that fingerprint or build packer images:
    /// the <c>${env:NAME}</c> references of the manifest's packer variables (a test keeps the two in step).
    /// </summary>
    public IReadOnlyList<string> PackerSecrets { get; init; } = [];

    public string Runner { get; init; } = "ubuntu-latest";
}
