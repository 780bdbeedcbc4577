namespace ImagePipeline.Engine.Tests;

/// <summary>One parameter of every supported type; its target logs the secret to prove masking.</summary>
public sealed class ParameterBuild : BuildBase
{
    [Parameter("Manifest to use")]
    private readonly string manifest = "images/images.yaml";

    [Parameter("Limit to these images")]
    public string[] Image { get; private set; } = [];

    [Parameter("Print the plan without changing anything")]
    public bool DryRun { get; private set; }

    [Parameter("Largest image in MB")]
    public int MaxImageSize { get; private set; } = 10;

    [Parameter("Bytes to read")]
    public long ChunkBytes { get; private set; }

    [Parameter("How fast to go")]
    public Speed Speed { get; private set; } = Speed.Fast;

    [Parameter("How often to retry")]
    public int? Retries { get; private set; }

    [Parameter("S3 secret")]
    [Secret]
    public string? SecretKey { get; private set; } = "default-secret";

    [Parameter("Where to write")]
    public DirectoryInfo? OutputDirectory { get; private set; }

    [Parameter("Bucket to use", Name = "Bucket")]
    public string? S3BucketName { get; private set; }

    public string Manifest => manifest;

    public Target Show => _ => _
        .Description("Log the parameters")
        .Runs(() => Log.Information("Using secret {Secret} for {Manifest}", SecretKey, Manifest));
}
