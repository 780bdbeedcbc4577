namespace ImagePipeline.Manifest;

/// <summary>
/// A manifest broke one or more rules. Carries every error found in one pass, so a user fixes them all
/// at once; the message lists each on its own line.
/// </summary>
public sealed class ManifestException : ImagePipelineException
{
    public ManifestException(string filePath, IReadOnlyList<ManifestError> errors)
        : base(Describe(filePath, errors))
    {
        FilePath = filePath;
        Errors = errors;
    }

    /// <summary>Absolute path of the manifest.</summary>
    public string FilePath { get; }

    /// <summary>All errors, in document order.</summary>
    public IReadOnlyList<ManifestError> Errors { get; }

    private static string Describe(string filePath, IReadOnlyList<ManifestError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var noun = errors.Count == 1 ? "error" : "errors";
        return $"{filePath}: {errors.Count} manifest {noun}:" + Environment.NewLine
            + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
