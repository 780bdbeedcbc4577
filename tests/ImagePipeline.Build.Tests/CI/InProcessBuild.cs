using ImagePipeline.Engine;

namespace ImagePipeline.Build.Tests.CI;

/// <summary>Runs the real build in this process with a chosen environment and working directory.</summary>
internal static class InProcessBuild
{
    public static async Task<(BuildResult Result, string Output)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var output = new StringWriter();
        var result = await BuildBase.RunAsync(new Build(), args, new BuildContext
        {
            Output = output,
            Log = output,
            Environment = environment,
            WorkingDirectory = workingDirectory,
        });
        return (result, output.ToString());
    }

    /// <summary>A scratch repository root (it has <c>.nuke/</c>) holding a copy of the quick-start example.</summary>
    public static void CreateQuickstartRoot(string root)
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        var source = Path.Combine(Testing.RepositoryPaths.Root, "examples", "quickstart");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, "examples", "quickstart", Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>
    /// Adds a packer image to the quick-start manifest whose variable reads <c>${env:TINY_PACKER_PASSWORD}</c>: where that
    /// variable is unset, Validate fails this image alone (the others go on) unless packer checks are off.
    /// </summary>
    public static void AddPackerImage(string root)
    {
        var template = Path.Combine(root, "examples", "quickstart", "packer");
        Directory.CreateDirectory(template);
        File.WriteAllText(Path.Combine(template, "tiny.pkr.hcl"), "variable \"password\" {\n  type      = string\n  sensitive = true\n}\n");
        File.AppendAllText(Path.Combine(root, "examples", "quickstart", "images.yaml"), """

                - name: tiny-packer-1.0
                  source:
                    type: packer
                    path: examples/quickstart/packer
                    artifact: output/tiny.img
                    variables:
                      password: ${env:TINY_PACKER_PASSWORD}
                  destination:
                    path: tiny-packer/1.0/tiny.img

            """);
    }

    /// <summary>
    /// The dry-run plan of the quick-start manifest in <paramref name="root"/> into a directory store, written to
    /// <c>plan.json</c> there: the real build, as the plan job runs it.
    /// </summary>
    public static async Task<(BuildResult Result, string Output, string PlanPath)> PlanQuickstartAsync(
        string root, IReadOnlyDictionary<string, string>? environment = null, params string[] extra)
    {
        var planPath = Path.Combine(root, "plan.json");
        var (result, output) = await RunAsync(root, environment ?? new Dictionary<string, string>(),
            ["Sync", "--dry-run", "--offline", "--manifest", "examples/quickstart/images.yaml", "--store", Path.Combine(root, "store"), "--plan-json", planPath, .. extra]);
        return (result, output, planPath);
    }
}
