using ImagePipeline.Manifest;

namespace ImagePipeline.Tests.Manifest;

internal static class ManifestAssert
{
    /// <summary>Asserts where an error points and what it says (the message must contain <paramref name="message"/>).</summary>
    public static void At(ManifestError error, string? image, string field, int line, int column, string message)
    {
        Assert.Equal((image, field, line, column), (error.Image, error.Field, error.Line, error.Column));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Finds the error for <paramref name="field"/> among several.</summary>
    public static ManifestError For(IReadOnlyList<ManifestError> errors, string field) =>
        Assert.Single(errors, e => e.Field == field);
}
