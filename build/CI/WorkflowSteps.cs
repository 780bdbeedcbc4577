using ImagePipeline.GitHubActions;

namespace ImagePipeline.Build.CI;

/// <summary>The steps the image workflows share.</summary>
internal static class WorkflowSteps
{
    /// <summary>Where the age identity lives while a job runs (the runner's per-job temp directory).</summary>
    public const string AgeKeyFile = "${RUNNER_TEMP}/sops-age-key.txt";

    /// <summary>Passed to the build when the workflow was dispatched with <c>force</c> (a typed boolean: compared with <c>true</c>, never a string).</summary>
    public const string ForceFlag = "${{ inputs.force == true && '--force' || '' }}";

    public static WorkflowStep Checkout { get; } = WorkflowStep.Uses("Check out", "actions/checkout@v4",
        new Dictionary<string, string> { ["persist-credentials"] = "false" });

    public static WorkflowStep SetUpDotnet { get; } = WorkflowStep.Uses("Set up .NET (global.json)", "actions/setup-dotnet@v4",
        new Dictionary<string, string> { ["global-json-file"] = "global.json" });

    public static WorkflowStep SetUpPacker(ImageWorkflowSettings settings, string condition) =>
        WorkflowStep.Uses($"Set up Packer {settings.PackerVersion}", "hashicorp/setup-packer@v3",
            new Dictionary<string, string> { ["version"] = settings.PackerVersion }) with { If = condition };

    /// <summary>
    /// Writes the <c>SOPS_AGE_KEY</c> secret to a mode-600 file in the job's temp directory and points the build at it
    /// (<c>SOPS_AGE_KEY_FILE</c>); the secret itself never reaches the build's environment or a command line.
    /// When <paramref name="required"/>, a missing secret fails the job; otherwise the job goes on without credentials
    /// (pull requests from forks get no secrets) and the plan shows the store state as unknown.
    /// </summary>
    public static WorkflowStep WriteAgeKey(ImageWorkflowSettings settings, bool required)
    {
        var missing = required
            ? """
              echo "::error::The repository secret SOPS_AGE_KEY is not set (docs/operations.md, 'Repository secrets')."
              exit 1
              """
            : """
              echo "::notice::No SOPS_AGE_KEY secret (pull requests from forks get none): the plan cannot read the store."
              exit 0
              """;
        // Without the secret the build must not be pointed at the encrypted file it cannot open.
        var credentials = required ? string.Empty : $$"""

            if [ -f {{settings.Credentials}} ]; then
              echo "IMAGEPIPELINE_CREDENTIALS={{settings.Credentials}}" >> "${GITHUB_ENV}"
            fi
            """;
        return WorkflowStep.Script("Write the SOPS age key", $$"""
            if [ -z "${SOPS_AGE_KEY}" ]; then
            {{Indent(missing, 2)}}
            fi
            key_file="{{AgeKeyFile}}"
            (umask 077 && printf '%s\n' "${SOPS_AGE_KEY}" > "${key_file}")
            chmod 600 "${key_file}"
            echo "SOPS_AGE_KEY_FILE=${key_file}" >> "${GITHUB_ENV}"{{credentials}}
            """) with
        {
            Env = new Dictionary<string, string> { ["SOPS_AGE_KEY"] = "${{ secrets.SOPS_AGE_KEY }}" },
        };
    }

    public static WorkflowStep RemoveAgeKey { get; } = WorkflowStep.Script("Remove the SOPS age key", "rm -f \"" + AgeKeyFile + "\"") with
    {
        If = "always()",
    };

    public static WorkflowStep Validate(ImageWorkflowSettings settings) =>
        WorkflowStep.Script("Validate", $"./build.sh Validate --manifest {settings.Manifest}");

    /// <summary>Secrets the manifest's packer variables read, as job environment.</summary>
    public static Dictionary<string, string> PackerEnvironment(ImageWorkflowSettings settings) =>
        settings.PackerSecrets.ToDictionary(name => name, name => $"${{{{ secrets.{name} }}}}");

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', spaces) + line));
}
