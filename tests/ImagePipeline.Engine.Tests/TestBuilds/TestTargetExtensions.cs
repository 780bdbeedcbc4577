namespace ImagePipeline.Engine.Tests;

/// <summary>Shorthand for the test builds, whose actions are mostly one synchronous statement.</summary>
public static class TestTargetExtensions
{
    public static ITargetDefinition Runs(this ITargetDefinition definition, Action action) => definition.Executes(_ =>
    {
        action();
        return Task.CompletedTask;
    });
}
