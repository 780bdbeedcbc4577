namespace ImagePipeline.Engine.Tests;

/// <summary>One parameter of every supported type; its target logs the secret to prove masking.</summary>
public sealed class ParameterBuild : BuildBase
{
    [Parameter("Manifest to use", ValueName = "path")]
    private readonly string manifest = "images/images.yaml";

    [Parameter("Limit to these images")]
    public string[] Image { get; private set; } = [];

    [Parameter("Print the plan without changing anything")]
    public bool DryRun { get; private set; }

    [Parameter("Largest image in MB", Minimum = 1, Maximum = 1000)]
    public int MaxImageSize { get; private set; } = 10;

    [Parameter("How fast to go")]
    public Speed Speed { get; private set; } = Speed.Fast;

    [Parameter("How often to retry", Minimum = 0)]
    public int? Retries { get; private set; }

    [Parameter("S3 secret")]
    [Secret]
    public string? SecretKey { get; private set; } = "default-secret";

    [Parameter("Bucket to use", Name = "Bucket")]
    public string? S3BucketName { get; private set; }

    [Parameter("Only keys under this prefix")]
    public string? Prefix { get; private set; }

    public string Manifest => manifest;

    public Target Show => _ => _
        .Description("Log the parameters")
        .Uses(nameof(manifest), nameof(SecretKey))
        .Runs(() => Log.Information("Using secret {Secret} for {Manifest}", SecretKey, Manifest));

    public Target Upload => _ => _
        .Description("Pretend to upload")
        .DependsOn(Show)
        .Uses(nameof(S3BucketName), nameof(MaxImageSize))
        .Runs(() => Log.Information("Uploading to {Bucket}", S3BucketName));

    public Target Count => _ => _
        .Description("Count something")
        .Runs(() => Log.Information("Counting"));

    protected override string EnvironmentPrefix => "TEST_";
}
