namespace ImagePipeline.Engine.Tests;

public sealed class UsageErrorTests : IDisposable
{
    private readonly BuildHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Theory]
    [InlineData("data", 2)]
    [InlineData("other", 1)]
    [InlineData("nothing", 0)]
    public async Task ActionThrows_ExitCodeFollowsIsUsageError(string what, int exitCode)
    {
        var (result, _) = await harness.RunAsync(new DomainErrorBuild(), ["Work", "--throw", what]);

        Assert.Equal(exitCode, result.ExitCode);
    }

    [Fact]
    public async Task ActionThrowsUsageError_StepIsFailedWithItsMessage()
    {
        var (result, output) = await harness.RunAsync(new DomainErrorBuild(), ["Work", "--throw", "data"]);

        var step = result.Steps.Single();
        Assert.Equal((StepStatus.Failed, "images.yaml: the name of image 3 is missing."), (step.Status, step.Note));
        Assert.Contains("ERR [Work] images.yaml: the name of image 3 is missing.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FamilyInputsThrowUsageError_ExitsTwo()
    {
        var (result, output) = await harness.RunAsync(new DomainErrorBuild(), ["Each", "--broken-inputs"]);

        Assert.Equal((2, "the inputs are broken."), (result.ExitCode, result.Error));
        Assert.Contains("ERR the inputs are broken.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParameterSetterThrowsUsageError_ExitsTwo()
    {
        var (result, _) = await harness.RunAsync(new DomainErrorBuild(), ["Work", "--mode", "bad"]);

        Assert.Equal((2, "--mode 'bad' is not a mode."), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task OtherBuildsException_IsNotAUsageError()
    {
        var (result, _) = await harness.RunAsync(new StatusBuild(), ["Check", "--fail-check"]);

        Assert.Equal(1, result.ExitCode);
    }
}
