using ImagePipeline.Credentials;
using ImagePipeline.Compression;
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

    [Parameter("Manifest to use, relative to the repository root", ValueName = "path")]
    readonly string Manifest = "images/images.yaml";

    [Parameter("Limit the run to these images (repeatable)", ValueName = "image")]
    readonly string[] Image = [];

    [Parameter("Store: 's3' (credentials from E2_* variables or --credentials), or a directory path / file:// URL", ValueName = "s3|path")]
    readonly string Store = "s3";

    [Parameter("SOPS-encrypted credentials file (access_key, secret_key, endpoint, bucket)", ValueName = "path")]
    readonly string? Credentials = null;

    [Parameter("age identity file for SOPS (default: SOPS_AGE_KEY_FILE, SOPS_AGE_KEY, ~/.config/sops/age/keys.txt)", ValueName = "path")]
    readonly string? SopsAgeKeyFile = null;

    [Parameter("S3 region")]
    readonly string Region = "us-east-1";

    [Parameter("Show what would change without changing anything (works without credentials)")]
    readonly bool DryRun = false;

    [Parameter("Re-acquire and re-upload every selected image, and rebuild packer images; Prune: lift --max-delete-percent")]
    readonly bool Force = false;

    [Parameter("Write the Sync plan as JSON to this file (- for stdout)", ValueName = "path|-")]
    readonly string? PlanJson = null;

    [Parameter("Write each image's Sync result (published, unchanged, failed with stage and reason) as JSON to this file", ValueName = "path")]
    readonly string? ResultJson = null;

    [Parameter("Validate: skip the HTTPS reachability checks")]
    readonly bool Offline = false;

    [Parameter("Validate: do not check that packer runs and that packer images' ${env:} variables are set (for a job that plans but builds nothing)")]
    readonly bool NoPackerCheck = false;

    [Parameter("Download cache directory (default: $XDG_CACHE_HOME/imagepipeline or ~/.cache/imagepipeline)", ValueName = "path")]
    readonly string? CacheDir = null;

    [Parameter("Do not read or fill the download cache")]
    readonly bool NoCache = false;

    [Parameter("Largest total size the download cache keeps; least recently used sources are evicted beyond it", ValueName = "size")]
    string CacheMaxSize { get; set => field = CheckedSize(value, "--cache-max-size"); } = "10GiB";

    [Parameter("A download or S3 request slower than this (bytes per second, or with a unit: 1KiB) for --low-speed-time is retried", ValueName = "size")]
    string LowSpeedLimit { get; set => field = CheckedSize(value, "--low-speed-limit"); } = "1KiB";

    [Parameter("How many seconds a transfer may stay below --low-speed-limit (a request with no answer counts as 0 bytes/s)", Minimum = 1)]
    readonly int LowSpeedTime = 60;

    [Parameter("Largest decompressed image accepted (bytes, or with a unit: 64GiB)", ValueName = "size")]
    string MaxImageSize { get; set => field = CheckedSize(value, "--max-image-size"); } = "64GiB";

    [Parameter("Folders outside the repository where file sources and packer directories may be (repeatable; symbolic links are resolved)", ValueName = "path")]
    readonly string[] FileRoot = [];

    [Parameter("Decoders for xz, gzip and zstd: auto (system liblzma, zlib, libzstd where they load, else managed), native, or managed")]
    readonly DecoderImplementation Decoder = DecoderImplementation.Auto;

    [Parameter("Packer executable", ValueName = "path")]
    readonly string Packer = "packer";

    [Parameter("Prune: refuse to delete more objects than this", Minimum = 0)]
    readonly int MaxDelete = 10;

    [Parameter("Prune: refuse to delete more than this percentage of the managed images under the destination prefix, unless --force", Minimum = 0, Maximum = 100)]
    readonly int MaxDeletePercent = 50;

    [Parameter("Prune: also delete objects without metadata (not published by this tool)")]
    readonly bool IncludeUnmanaged = false;

    [Parameter("Prune: also delete these symbolic links (store keys, repeatable) of a directory store, which Prune otherwise always keeps", ValueName = "key")]
    readonly string[] DeleteLink = [];

    [Parameter("List: only keys under this prefix", ValueName = "prefix")]
    readonly string? Prefix = null;

    [Parameter("List, Audit: print JSON instead of a table")]
    readonly bool Json = false;

    [Parameter("Audit: read back this percentage of the images, picked at random; the others are checked for presence and size", Minimum = 1, Maximum = 100)]
    readonly int Sample = 100;

    // Validate and Diff report images that failed their checks, and the other images go on.
    Target Validate => _ => _
        .Description("Check the manifest, every source (https answers, files exist, packer and its variables are there) and the packer templates")
        .ProceedAfterFailure()
        .Uses(nameof(Manifest), nameof(Image), nameof(FileRoot), nameof(Offline), nameof(NoPackerCheck), nameof(Credentials), nameof(Packer))
        .Executes(ValidateAsync);

    Target Diff => _ => _
        .Description("Check the store, then compare it with the manifest: upload, replace, unchanged or unknown per image")
        .DependsOn(Validate)
        .ProceedAfterFailure()
        .Uses([.. StoreParameters, nameof(Force), nameof(DryRun), nameof(IncludeUnmanaged), nameof(DeleteLink), nameof(PlanJson)])
        .Executes(DiffAsync);

    Target Acquire => _ => ImageStage(_)
        .Description("Download (https, file) or build (packer) an image straight into a staged upload, hashing as it streams; nothing is visible yet")
        .DependsOn(Validate)
        .After(Diff)
        .Uses(AcquireParameters)
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
        .Uses([.. StoreParameters, nameof(DryRun)])
        .Executes(WriteCatalogAsync);

    Target Sync => _ => _
        .Description("Make the store match the manifest: every image not already there is acquired, verified, uploaded; then the catalog")
        .DependsOn(Diff, WriteMetadata, WriteCatalog)
        .Uses(nameof(DryRun), nameof(ResultJson))
        .Executes(SyncSummaryAsync);

    Target List => _ => _
        .Description("List stored images with size, digest, upload time and source")
        .Uses([.. StoreParameters, nameof(Prefix), nameof(Json)])
        .Executes(ListAsync);

    // Prune needs the manifest and the store, never a source; it never runs after an error (rclone's rule).
    Target Prune => _ => _
        .Description("Delete stored images the manifest no longer lists (guarded; --dry-run shows exactly what would go)")
        .After(Sync)
        .OnlyWhen(() => !HasFailed, "an earlier target failed")
        .Uses([nameof(Manifest), .. StoreParameters, nameof(DryRun), nameof(MaxDelete), nameof(MaxDeletePercent), nameof(Force), nameof(IncludeUnmanaged), nameof(DeleteLink)])
        .Executes(PruneAsync);

    // Audit needs only the store (no manifest): it also runs on the NAS copy of images/.
    Target Audit => _ => _
        .Description("Read stored images back and compare them with their metadata, or a copy of images/ with its SHA256SUMS/SHA512SUMS; exit 1 on a corrupt or missing image")
        .Uses([.. StoreParameters, nameof(Sample), nameof(Json)])
        .Executes(AuditAsync);

    // Pin reads the manifest leniently (checksums may be missing or placeholders: that is what it fills in).
    Target Pin => _ => _
        .Description("Download sources and write their digests (source.checksum when missing, validation.expected) into the manifest")
        .ForEach(() => PinImageNames, "image")
        .OnlyWhen(IsPinnable, "packer image: its digest is known only after a build")
        .Uses([nameof(Manifest), nameof(Image), .. AcquireParameters])
        .Executes(PinAsync);

    Target Benchmark => _ => _
        .Description("Measure acquire, decode, digest, upload and no-op Sync against xz/openssl/curl/awscli (--benchmark-args \"case=xz size=256MiB runs=5\")")
        .Unlisted()
        .Uses(nameof(BenchmarkArgs))
        .Executes(BenchmarkAsync);

    Target GenerateSchemas => _ => _
        .Description("Regenerate .nuke/build.schema.json and images/images.schema.json")
        .Uses()
        .Executes(GenerateSchemasAsync);

    Target GenerateWorkflows => _ => _
        .Description("Regenerate .github/workflows/images-sync.yml and images-plan.yml from Build.CI.GitHubActions.cs")
        .Uses()
        .Executes(GenerateWorkflowsAsync);

    Target CheckWorkflows => _ => _
        .Description("Fail when a committed workflow differs from what GenerateWorkflows writes")
        .Uses()
        .Executes(CheckWorkflowsAsync);

    Target GenerateDocs => _ => _
        .Description("Regenerate docs/reference.md (every target and parameter) from this build definition")
        .Uses()
        .Executes(GenerateDocsAsync);

    /// <summary>What every per-image stage of Sync shares: one member per selected image, run only when it needs work.</summary>
    ITargetDefinition ImageStage(ITargetDefinition stage) => stage
        .ForEach(() => SelectedImageNames, "image")
        .Uses(nameof(DryRun))
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

    /// <summary>IMAGEPIPELINE_MAX_DELETE, IMAGEPIPELINE_PREFIX, … (and MAX_DELETE: names of two words or more also bare).</summary>
    protected override string EnvironmentPrefix => "IMAGEPIPELINE_";

    /// <summary>What opening the store reads (Diff, List, Prune, WriteCatalog, Audit).</summary>
    static readonly string[] StoreParameters =
        [nameof(Store), nameof(Credentials), nameof(SopsAgeKeyFile), nameof(Region), nameof(MaxImageSize), nameof(LowSpeedLimit), nameof(LowSpeedTime)];

    /// <summary>What reading a source reads (Acquire, Pin).</summary>
    static readonly string[] AcquireParameters =
        [nameof(MaxImageSize), nameof(LowSpeedLimit), nameof(LowSpeedTime), nameof(Decoder), nameof(Packer), nameof(CacheDir), nameof(NoCache), nameof(CacheMaxSize), nameof(Force)];

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
