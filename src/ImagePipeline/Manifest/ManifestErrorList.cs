using YamlDotNet.Core;

namespace ImagePipeline.Manifest;

/// <summary>Collects errors while a manifest is read, so one run reports all of them.</summary>
internal sealed class ManifestErrorList(string displayPath)
{
    private readonly List<ManifestError> errors = [];

    public string DisplayPath => displayPath;

    public IReadOnlyList<ManifestError> Errors => errors;

    public bool HasErrors => errors.Count > 0;

    public void Add(FieldScope scope, string field, string message, Mark at) =>
        errors.Add(new ManifestError(displayPath, scope.Image, scope.Field(field), message, (int)at.Line, (int)at.Column));

    public void AddUnlocated(string message) => errors.Add(new ManifestError(displayPath, null, "", message, 0, 0));

    /// <summary>Document order, so the list reads top to bottom like the file.</summary>
    public IReadOnlyList<ManifestError> Sorted() =>
        [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
}
