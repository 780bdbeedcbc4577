namespace ImagePipeline.Engine.Tests;

public class BuildReferenceTests
{
    [Fact]
    public void Generate_ChainBuild_ListsTargetsWithDependenciesAndParametersWithDefaults()
    {
        var reference = BuildReference.Generate(new ChainBuild(), "Reference", "./build.sh GenerateDocs");

        Assert.StartsWith("# Reference\n\n<!-- Generated from the build definition by `./build.sh GenerateDocs`; do not edit. -->\n", reference, StringComparison.Ordinal);
        Assert.Contains("| `Acquire[item]` | ", reference, StringComparison.Ordinal);
        Assert.Contains("| `Verify[item]` | ", reference, StringComparison.Ordinal);
        Assert.Contains("| `Validate` | `Sync` |\n", reference, StringComparison.Ordinal); // Prune: depends on, runs after
        Assert.Contains("| `--inputs <value>...` | - | `a b c` | Inputs to process |", reference, StringComparison.Ordinal);
        Assert.Contains("| `--parallelism <int>` | (command line only) | `2` | How many independent targets run at once |", reference, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_ParameterBuild_ListsPrefixedThenBareVariablesAndThePrecedence()
    {
        var reference = BuildReference.Generate(new ParameterBuild(), "Reference", "c");

        Assert.Contains("| `--max-image-size <int>` | `TEST_MAX_IMAGE_SIZE`, `MAX_IMAGE_SIZE` | `10` | Largest image in MB |", reference, StringComparison.Ordinal);
        Assert.Contains("| `--prefix <value>` | `TEST_PREFIX` |  | Only keys under this prefix |", reference, StringComparison.Ordinal);
        Assert.Contains("Precedence: arguments, then environment variables (TEST_NAME, then NAME for names of two words or more", reference, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_Twice_IsIdentical() =>
        Assert.Equal(
            BuildReference.Generate(new ChainBuild(), "R", "c"),
            BuildReference.Generate(new ChainBuild(), "R", "c"));
}
