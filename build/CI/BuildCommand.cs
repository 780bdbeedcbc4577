using ImagePipeline.Engine;

namespace ImagePipeline.Build.CI;

/// <summary>
/// A <c>./build.sh</c> command line of a workflow, built from target and parameter names (<c>nameof</c> in
/// <see cref="Build.Names"/>), so renaming a target or parameter changes the generated workflow (and
/// <c>CheckWorkflows</c> fails until it is regenerated) instead of leaving a stale command behind.
/// </summary>
internal sealed record BuildCommand
{
    public const string Script = "./build.sh";

    private BuildCommand(IReadOnlyList<string> words) => Words = words;

    /// <summary>Every word after <see cref="Script"/>, as written (values are shell words: quote expansions yourself).</summary>
    public IReadOnlyList<string> Words { get; }

    public static BuildCommand Run(params string[] targets) => new([.. targets]);

    /// <summary><c>./build.sh --help</c>: compiles the build when needed and runs no target.</summary>
    public static BuildCommand Help() => new(["--help"]);

    /// <summary><c>--skip</c> with the given targets.</summary>
    public BuildCommand Skip(params string[] targets) => new([.. Words, "--skip", .. targets]);

    /// <summary>A boolean parameter, e.g. <c>DryRun</c> → <c>--dry-run</c>.</summary>
    public BuildCommand Flag(string parameter) => new([.. Words, Option(parameter)]);

    /// <summary>A parameter with a value, e.g. <c>Manifest</c>, <c>images/images.yaml</c> → <c>--manifest images/images.yaml</c>.</summary>
    public BuildCommand With(string parameter, string value) => new([.. Words, Option(parameter), value]);

    /// <summary>A word decided when the workflow runs: an expression that evaluates to an option or to nothing.</summary>
    public BuildCommand WithExpression(string expression) => new([.. Words, expression]);

    /// <summary>
    /// The command-line spelling of a parameter, as the engine derives it from the member name:
    /// <c>MaxImageSize</c> → <c>--max-image-size</c>.
    /// </summary>
    public static string Option(string parameter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(parameter);
        return "--" + NameStyle.Kebab(parameter);
    }

    public override string ToString() => string.Join(' ', [Script, .. Words]);
}
