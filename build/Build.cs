using ImagePipeline.Credentials;
using ImagePipeline.Engine;
using ImagePipeline.Manifest;
using ImagePipeline.Storage;

namespace ImagePipeline.Build;

/// <summary>
/// The image lifecycle as a target graph:
/// Validate → Diff → Acquire[image] → Verify[image] → Upload[image] → WriteMetadata[image] → WriteCatalog → Sync,
/// plus List, Prune, Audit and Pin. Each stage's work lives in its own partial (Build.Acquire.cs, …).
/// </summary>
internal sealed partial class Build : BuildBase
{
    public static Task<int> Main(string[] args) => ExecuteAsync<Build>(args);

    [Parameter("Manifest to use, relative to the repository root")]
    readonly string Manifest = "images/images.yaml";

    [Parameter("Limit the run to these images (repeatable)")]
    readonly string[] Image = [];

    [Parameter("Store: 's3' (credentials from E2_* variables or --credentials), or a directory path / file:// URL")]
    readonly string Store = "s3";

    [Parameter("SOPS-encrypted credentials file (access_key, secret_key, endpoint, bucket)")]
    readonly string? Credentials = null;

    [Parameter("age identity file for SOPS (default: SOPS_AGE_KEY_FILE, SOPS_AGE_KEY, ~/.config/sops/age/keys.txt)")]
    readonly string? SopsAgeKeyFile = null;

    [Parameter("S3 region")]
    readonly string Region = "us-east-1";

    [Parameter("Show what would change without changing anything (works without credentials)")]
    readonly bool DryRun = false;

    [Parameter("Re-acquire and re-upload every selected image, and rebuild packer images; Prune: lift --max-delete-percent")]
    readonly bool Force = false;

    [Parameter("Write the Sync plan as JSON to this file")]
    readonly string? PlanJson = null;

    [Parameter("Validate: skip the HTTPS reachability checks")]
    readonly bool Offline = false;

    [Parameter("Download cache directory (default: $XDG_CACHE_HOME/imagepipeline or ~/.cache/imagepipeline)")]
    readonly string? CacheDir = null;

    [Parameter("Do not read or fill the download cache")]
    readonly bool NoCache = false;

    [Parameter("Largest total size the download cache keeps; least recently used sources are evicted beyond it")]
    readonly string CacheMaxSize = "10GiB";

    [Parameter("A download or S3 request slower than this (bytes per second, or with a unit: 1KiB) for --low-speed-time is retried")]
    readonly string LowSpeedLimit = "1KiB";

    [Parameter("How many seconds a transfer may stay below --low-speed-limit (a request with no answer counts as 0 bytes/s)")]
    readonly int LowSpeedTime = 60;

    [Parameter("Largest decompressed image accepted (bytes, or with a unit: 64GiB)")]
    readonly string MaxImageSize = "64GiB";

    [Parameter("Packer executable")]
    readonly string Packer = "packer";

    [Parameter("Prune: refuse to delete more objects than this")]
    readonly int MaxDelete = 10;

    [Parameter("Prune: refuse to delete more than this percentage of the managed images under the destination prefix, unless --force")]
    readonly int MaxDeletePercent = 50;

    [Parameter("Prune: also delete objects without metadata (not published by this tool)")]
    readonly bool IncludeUnmanaged = false;

    [Parameter("Prune: also delete these symbolic links (store keys, repeatable) of a directory store, which Prune otherwise always keeps")]
    readonly string[] DeleteLink = [];

    [Parameter("List: only keys under this prefix")]
    readonly string? Prefix = null;

    [Parameter("List, Audit: print JSON instead of a table")]
    readonly bool Json = false;

    [Parameter("Audit: read back this percentage of the images, picked at random (1-100); the others are checked for presence and size")]
    readonly int Sample = 100;

    // Validate and Diff report images that failed their checks, and the other images go on.
    Target Validate => _ => _
        .Description("Check the manifest, every source (https answers, files exist, packer and its variables are there) and the packer templates")
        .ProceedAfterFailure()
        .Executes(ValidateAsync);

    Target Diff => _ => _
        .Description("Check the store, then compare it with the manifest: upload, replace, unchanged or unknown per image")
        .DependsOn(Validate)
        .ProceedAfterFailure()
        .Executes(DiffAsync);

    Target Acquire => _ => ImageStage(_)
        .Description("Download (https, file) or build (packer) an image straight into a staged upload, hashing as it streams; nothing is visible yet")
        .DependsOn(Validate)
        .After(Diff)
        .Executes((name, ct) => Run.Job(name).AcquireAsync(ct));

    Target Verify => _ => ImageStage(_)
        .Description("Compare the digests computed while streaming with the manifest (or the build); a mismatch aborts the staged upload")
        .DependsOn(Acquire)
        .Executes((name, _) => Run.Job(name).VerifyAsync());

    Target Upload => _ => ImageStage(_)
        .Description("Make the verified staged upload visible in the store, atomically")
        .DependsOn(Verify)
        .Executes((name, ct) => Run.Job(name).CommitAsync(ct));

    Target WriteMetadata => _ => ImageStage(_)
        .Description("Write metadata/<path>.json last, so nothing half-done ever looks done")
        .DependsOn(Upload)
        .Executes((name, ct) => Run.Job(name).RecordAsync(ct));

    // After every image (failed ones too): the catalog reflects the whole store as the run leaves it.
    Target WriteCatalog => _ => _
        .Description("Rewrite the consumer catalog from the whole store: images/SHA256SUMS, images/SHA512SUMS, images/index.json (Sync runs it last)")
        .After(WriteMetadata)
        .OnlyWhen(() => !DryRun, "dry run")
        .OnlyWhen(() => _run?.PlanFailed != true, "Diff could not read the store")
        .Executes(WriteCatalogAsync);

    Target Sync => _ => _
        .Description("Make the store match the manifest: every image not already there is acquired, verified, uploaded; then the catalog")
        .DependsOn(Diff, WriteMetadata, WriteCatalog)
        .Executes(SyncSummaryAsync);

    Target List => _ => _
        .Description("List stored images with size, digest, upload time and source")
        .Executes(ListAsync);

    // Prune needs the manifest and the store, never a source; it never runs after an error (rclone's rule).
    Target Prune => _ => _
        .Description("Delete stored images the manifest no longer lists (guarded; --dry-run shows exactly what would go)")
        .After(Sync)
        .OnlyWhen(() => !HasFailed, "an earlier target failed")
        .Executes(PruneAsync);

    // Audit needs only the store (no manifest): it also runs on the NAS copy of images/.
    Target Audit => _ => _
        .Description("Read stored images back and compare them with their metadata, or a copy of images/ with its SHA256SUMS/SHA512SUMS; exit 1 on a corrupt or missing image")
        .Executes(AuditAsync);

    // Pin reads the manifest leniently (checksums may be missing or placeholders: that is what it fills in).
    Target Pin => _ => _
        .Description("Download sources and write their digests (source.checksum when missing, validation.expected) into the manifest")
        .ForEach(() => PinImageNames, "image")
        .OnlyWhen(IsPinnable, "packer image: its digest is known only after a build")
        .Executes(PinAsync);

    Target Benchmark => _ => _
        .Description("Measure acquire, decode, digest, upload and no-op Sync against xz/openssl/curl/awscli (--benchmark-args \"case=xz size=256MiB runs=5\")")
        .Unlisted()
        .Executes(BenchmarkAsync);

    Target GenerateSchemas => _ => _
        .Description("Regenerate .nuke/build.schema.json and images/images.schema.json")
        .Executes(GenerateSchemasAsync);

    Target GenerateWorkflows => _ => _
        .Description("Regenerate .github/workflows/images-sync.yml and images-plan.yml from Build.CI.GitHubActions.cs")
        .Executes(GenerateWorkflowsAsync);

    Target CheckWorkflows => _ => _
        .Description("Fail when a committed workflow differs from what GenerateWorkflows writes")
        .Executes(CheckWorkflowsAsync);

    Target GenerateDocs => _ => _
        .Description("Regenerate docs/reference.md (every target and parameter) from this build definition")
        .Executes(GenerateDocsAsync);

    /// <summary>What every per-image stage of Sync shares: one member per selected image, run only when it needs work.</summary>
    ITargetDefinition ImageStage(ITargetDefinition stage) => stage
        .ForEach(() => SelectedImageNames, "image")
        .OnlyWhen(_ => !DryRun, "dry run")
        .OnlyWhen(_ => !Run.PlanFailed, "Diff could not read the store")
        .OnlyWhen(name => Run.Job(name).IsHealthy, "the image failed an earlier stage")
        .OnlyWhen(name => Run.Job(name).NeedsWork, "unchanged in store");

    /// <summary>
    /// What the user must fix (manifest, credentials, --store) exits 2, not 1. Other domain errors, such as a
    /// refused S3 endpoint or a failed download, are failed work.
    /// </summary>
    protected override bool IsUsageError(Exception exception) =>
        exception is ManifestException or CredentialsException or StoreLocationException || base.IsUsageError(exception);

    string? Env(string name) => EnvironmentVariables.GetValueOrDefault(name);

    string ManifestPath => Rooted(Manifest);

    /// <summary>Relative paths in parameters are relative to the repository root, as in NUKE.</summary>
    string Rooted(string path) => Path.GetFullPath(Path.Combine(RootDirectory, path));

    string? RootedOrNull(string? path) => path is null ? null : Rooted(path);

    ImageManifest LoadedManifest => _manifest ??= LoadManifest(ManifestLoadOptions.Strict);

    ImageManifest? _manifest;

    /// <summary>The images this run works on: all of the manifest, or those named with --image.</summary>
    IEnumerable<string> SelectedImageNames => SelectedImages.Select(i => i.Name);

    IReadOnlyList<ImageDefinition> SelectedImages => _selected ??= SelectImages(LoadedManifest);

    IReadOnlyList<ImageDefinition>? _selected;

    IReadOnlyList<ImageDefinition> SelectImages(ImageManifest manifest)
    {
        if (Image.Length == 0)
        {
            return manifest.Images;
        }

        var unknown = Image.Where(n => manifest.Find(n) is null).ToList();
        if (unknown.Count > 0)
        {
            var known = string.Join(", ", manifest.Images.Select(i => i.Name));
            throw new UsageException($"--image: no image named {string.Join(", ", unknown)} in {Manifest} (images: {known})");
        }

        return [.. manifest.Images.Where(i => Image.Contains(i.Name))];
    }
}
