namespace ImagePipeline.Build.CI;

/// <summary>The knobs of the generated workflows; the values in use are declared in Build.CI.GitHubActions.cs.</summary>
internal sealed record ImageWorkflowSettings
{
    /// <summary>The branch whose pushes publish images; sync and prune run for <c>refs/heads/&lt;Branch&gt;</c> only.</summary>
    public string Branch { get; init; } = "main";

    public string BranchRef => "refs/heads/" + Branch;

    /// <summary>Changes under these globs start the workflows.</summary>
    public IReadOnlyList<string> Paths { get; init; } = ["images/**", "infrastructure/**/packer/**"];

    public string Manifest { get; init; } = "images/images.yaml";

    /// <summary>The SOPS-encrypted store credentials that can write, decrypted with <see cref="AgeKeySecret"/>: sync legs and prune only.</summary>
    public string Credentials { get; init; } = "images/e2.sops.yaml";

    public string AgeKeySecret { get; init; } = "SOPS_AGE_KEY";

    /// <summary>Read-only store credentials, decrypted with <see cref="ReadOnlyAgeKeySecret"/>: every plan (push and pull request).</summary>
    public string ReadOnlyCredentials { get; init; } = "images/e2-readonly.sops.yaml";

    public string ReadOnlyAgeKeySecret { get; init; } = "SOPS_AGE_KEY_READONLY";

    /// <summary>
    /// The deployment environment of the jobs that hold the write key. Give it a deployment branch rule for
    /// <see cref="Branch"/> and keep <see cref="AgeKeySecret"/> as its secret: then no other branch or pull request can read it.
    /// </summary>
    public string PublishEnvironment { get; init; } = "images-publish";

    /// <summary>How many images are synced at once (one runner each).</summary>
    public int MaxParallel { get; init; } = 4;

    public string PackerVersion { get; init; } = "1.11.2";

    /// <summary>
    /// Per packer image, the repository secrets its <c>${env:NAME}</c> variables read; each is env of the one step
    /// that builds that image, in that image's leg only (a test keeps this in step with the manifest).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PackerSecrets { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>
    /// <c>--cache-max-size</c> of a sync leg: the download cache keeps no source larger than this, so no saved cache
    /// entry is either (GitHub keeps 10 GB of caches per repository and evicts the least recently used beyond it).
    /// </summary>
    public string DownloadCacheMaxSize { get; init; } = "4GiB";

    public string Runner { get; init; } = "ubuntu-latest";
}
