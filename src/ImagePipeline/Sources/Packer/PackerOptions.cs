namespace ImagePipeline.Sources.Packer;

/// <summary>How <see cref="PackerSource"/> runs the packer CLI.</summary>
public sealed record PackerOptions
{
    /// <summary>The packer executable (<c>--packer PATH</c>); a bare name is looked up on PATH.</summary>
    public string ExecutablePath { get; init; } = "packer";

    /// <summary>
    /// Whether Validate checks that the packer executable answers and every <c>${env:…}</c> variable is set. False in
    /// a job that only plans: it builds nothing, and the fingerprint needs neither Packer nor the secrets.
    /// </summary>
    public bool CheckToolchain { get; init; } = true;

    /// <summary>Where artifacts are kept between the build and the upload (the run's own work folder).</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "imagepipeline-packer");

    /// <summary>How long Packer may clean up after SIGTERM before its process group is killed.</summary>
    public TimeSpan TerminationGracePeriod { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound for one <c>packer init</c> + <c>packer build</c>; null means none.</summary>
    public TimeSpan? BuildTimeout { get; init; }

    /// <summary>Told every secret value of a build (<c>${env:…}</c>, <c>${generate:…}</c>, and their lines) before Packer starts, so every writer can mask it.</summary>
    public Action<string>? RegisterSecret { get; init; }

    /// <summary>How many of Packer's last output lines a <see cref="PackerBuildException"/> carries.</summary>
    public int OutputTailLines { get; init; } = 20;
}
