using ImagePipeline.GitHubActions;

namespace ImagePipeline.Build.CI;

/// <summary>The steps the image workflows share.</summary>
internal static class WorkflowSteps
{
    /// <summary>Passed to the build when the workflow was dispatched with <c>force</c> (a typed boolean: compared with <c>true</c>, never a string).</summary>
    public static readonly string ForceFlag = $"${{{{ inputs.force == true && '{BuildCommand.Option(Build.Names.Force)}' || '' }}}}";

    /// <summary>
    /// What the compiled build depends on: the SDK that setup-dotnet installed and the hash of its sources, as
    /// <c>build.sh</c> also checks (hashFiles runs before anything is compiled, so no bin/ or obj/ is in it yet).
    /// </summary>
    public const string BuildCacheKey = "imagepipeline-build-${{ runner.os }}-${{ steps.dotnet.outputs.dotnet-version }}-"
        + "${{ hashFiles('build/**', 'src/**', 'global.json', 'Directory.Build.props', 'Directory.Packages.props') }}";

    /// <summary>Where <c>build.sh</c> puts the compiled build and its stamp.</summary>
    public const string CompiledBuild = ".nuke/temp/bin";

    private const string BuildCacheMiss = "steps.build-cache.outputs.cache-hit != 'true'";

    public static WorkflowStep Checkout { get; } = WorkflowStep.Uses("Check out", "actions/checkout@v4",
        new Dictionary<string, string> { ["persist-credentials"] = "false" });

    public static WorkflowStep SetUpDotnet { get; } = WorkflowStep.Uses("Set up .NET (global.json)", "actions/setup-dotnet@v4",
        new Dictionary<string, string> { ["global-json-file"] = "global.json" }) with { Id = "dotnet" };

    /// <summary>The compiled build of an earlier job or run; <c>build.sh</c> uses it when its stamp matches the sources, else compiles.</summary>
    public static WorkflowStep RestoreBuild { get; } = WorkflowStep.Uses("Restore the compiled build", "actions/cache/restore@v4",
        new Dictionary<string, string> { ["path"] = CompiledBuild, ["key"] = BuildCacheKey }) with { Id = "build-cache" };

    /// <summary>Compiles once per change of the build's sources or SDK (the plan job); every later job restores it.</summary>
    public static IReadOnlyList<WorkflowStep> CompileAndSaveBuild { get; } =
    [
        WorkflowStep.Script("Compile the build", BuildCommand.Help().ToString() + " > /dev/null") with { If = BuildCacheMiss },
        WorkflowStep.Uses("Save the compiled build", "actions/cache/save@v4",
            new Dictionary<string, string> { ["path"] = CompiledBuild, ["key"] = "${{ steps.build-cache.outputs.cache-primary-key }}" }) with { If = BuildCacheMiss },
    ];

    public static WorkflowStep SetUpPacker(ImageWorkflowSettings settings, string condition) =>
        WorkflowStep.Uses($"Set up Packer {settings.PackerVersion}", "hashicorp/setup-packer@v3",
            new Dictionary<string, string> { ["version"] = settings.PackerVersion }) with { If = condition };

    /// <summary>
    /// Writes the age key held by <paramref name="secret"/> to a file (<see cref="WorkflowScripts.WriteAgeKey"/>).
    /// When <paramref name="required"/>, a missing secret fails the job; otherwise the job goes on without credentials
    /// (pull requests from forks get no secrets) and the step's <c>present</c> output stays unset.
    /// </summary>
    public static WorkflowStep WriteAgeKey(string secret, bool required)
    {
        var missing = required
            ? $"""
              echo "::error::The repository secret {secret} is not set (docs/operations.md, 'Repository secrets and keys')."
              exit 1
              """
            : $"""
              echo "::notice::No {secret} secret (pull requests from forks get none): the plan cannot read the store."
              exit 0
              """;
        return WorkflowStep.Script("Write the SOPS age key", WorkflowScripts.WriteAgeKey(missing)) with
        {
            Id = "age-key",
            Env = new Dictionary<string, string> { ["SOPS_AGE_KEY"] = $"${{{{ secrets.{secret} }}}}" },
        };
    }

    public static WorkflowStep RemoveAgeKey { get; } = WorkflowStep.Script("Remove the SOPS age key", $"rm -f \"{WorkflowScripts.AgeKeyFile}\"") with
    {
        If = "always()",
    };

    /// <summary>
    /// The packer secrets of the leg's image, as env of its build step: each is the secret in that image's leg and
    /// empty in every other one.
    /// </summary>
    public static Dictionary<string, string> PackerSecretsOfLeg(ImageWorkflowSettings settings) =>
        settings.PackerSecrets
            .SelectMany(image => image.Value.Select(secret => (Image: image.Key, Secret: secret)))
            .GroupBy(entry => entry.Secret, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => "${{ " + string.Join(" || ", group.Select(entry =>
                $"(matrix.{ImageMatrix.Image} == '{entry.Image}' && secrets.{entry.Secret})")) + " || '' }}");
}
