using System.Globalization;
using ImagePipeline.Layout;
using ImagePipeline.Verification;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ImagePipeline.Manifest;

/// <summary>
/// Reads <c>kind: ImageManifest</c> YAML strictly: unknown keys, wrong node types and every rule of
/// the manifest reference are errors with line:column, all collected into one
/// <see cref="ManifestException"/>. Only a fully valid manifest comes out — or, with
/// <see cref="ManifestLoadOptions.ForPinning"/>, one valid but for checksums still to be pinned.
/// </summary>
public static class ManifestLoader
{
    /// <summary>Reads and validates a manifest file.</summary>
    /// <param name="manifestPath">The manifest; a relative path resolves against <paramref name="rootDirectory"/>.</param>
    /// <param name="rootDirectory">Repository root; relative <c>file</c> and <c>packer</c> paths resolve against it.</param>
    /// <exception cref="ManifestException">The file is missing, is not YAML, or breaks any rule.</exception>
    public static ImageManifest Load(string manifestPath, string rootDirectory) =>
        Load(manifestPath, rootDirectory, ManifestLoadOptions.Strict);

    /// <summary>Reads and validates a manifest file with the given <paramref name="options"/>.</summary>
    /// <inheritdoc cref="Load(string, string)"/>
    public static ImageManifest Load(string manifestPath, string rootDirectory, ManifestLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(manifestPath);
        ArgumentNullException.ThrowIfNull(rootDirectory);
        var root = Path.GetFullPath(rootDirectory);
        var fullPath = Path.GetFullPath(manifestPath, root);
        if (!File.Exists(fullPath))
        {
            var errors = new ManifestErrorList(DisplayPath(fullPath, root));
            errors.AddUnlocated($"manifest not found: {fullPath}");
            throw new ManifestException(fullPath, errors.Errors);
        }

        var fileErrors = new ManifestErrorList(DisplayPath(fullPath, root));
        var size = new FileInfo(fullPath).Length;
        if (size > ManifestLimits.MaxDocumentBytes)
        {
            fileErrors.AddUnlocated(TooLarge(size));
            throw new ManifestException(fullPath, fileErrors.Errors);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            fileErrors.AddUnlocated($"cannot read the manifest {fullPath}: {ex.Message}");
            throw new ManifestException(fullPath, fileErrors.Errors);
        }

        var text = ManifestText.Decode(bytes, fileErrors);
        return Check(Read(text, root, fullPath, options, fileErrors), fullPath, fileErrors);
    }

    /// <summary>Validates manifest text; <paramref name="manifestPath"/> is only used to name it in errors.</summary>
    /// <exception cref="ManifestException">The text is not YAML or breaks any rule.</exception>
    public static ImageManifest Parse(string yamlText, string manifestPath, string rootDirectory) =>
        Parse(yamlText, manifestPath, rootDirectory, ManifestLoadOptions.Strict);

    /// <summary>Validates manifest text with the given <paramref name="options"/>.</summary>
    /// <inheritdoc cref="Parse(string, string, string)"/>
    public static ImageManifest Parse(string yamlText, string manifestPath, string rootDirectory, ManifestLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(manifestPath);
        ArgumentNullException.ThrowIfNull(rootDirectory);
        var root = Path.GetFullPath(rootDirectory);
        var fullPath = Path.GetFullPath(manifestPath, root);
        var errors = new ManifestErrorList(DisplayPath(fullPath, root));
        var size = System.Text.Encoding.UTF8.GetByteCount(yamlText);
        if (size > ManifestLimits.MaxDocumentBytes)
        {
            errors.AddUnlocated(TooLarge(size));
            throw new ManifestException(fullPath, errors.Errors);
        }

        return Check(Read(yamlText, root, fullPath, options, errors), fullPath, errors);
    }

    /// <summary>The path to show users: relative to the root with forward slashes, else absolute.</summary>
    public static string DisplayPath(string fullPath, string rootDirectory)
    {
        var relative = Path.GetRelativePath(rootDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? fullPath
            : relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static ImageManifest Check(ImageManifest? manifest, string fullPath, ManifestErrorList errors) =>
        errors.HasErrors || manifest is null ? throw new ManifestException(fullPath, errors.Sorted()) : manifest;

    private static string TooLarge(long size) =>
        $"the manifest is {size:N0} bytes, more than the limit of {ManifestLimits.MaxDocumentBytes:N0} bytes (1 MiB); split it or remove what is not a manifest";

    private static ImageManifest? Read(string yamlText, string root, string fullPath, ManifestLoadOptions options, ManifestErrorList errors)
    {
        var document = ReadDocument(yamlText, errors);
        var top = document is null ? null : YamlMappingReader.From(document.RootNode, "", FieldScope.Root, errors);
        if (top is null)
        {
            return null;
        }

        top.RejectUnknownKeys(ManifestVocabulary.RootKeys);
        ExpectConstant(top, "apiVersion", ImageManifest.ApiVersion);
        ExpectConstant(top, "kind", ImageManifest.Kind);
        var name = ReadMetadataName(top);
        var spec = top.Mapping("spec", required: true);
        spec?.RejectUnknownKeys(ManifestVocabulary.SpecKeys);
        var context = ReadDefaults(spec, root, options, errors);
        var images = ReadImages(spec, context, errors);
        return name is null || images is null ? null : new ImageManifest(name, fullPath, root, context.DestinationPrefix, images);
    }

    private static YamlDocument? ReadDocument(string yamlText, ManifestErrorList errors)
    {
        if (!YamlPrescan.WithinLimits(yamlText, errors))
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yamlText));
        }
        catch (YamlException exception)
        {
            errors.Add(FieldScope.Root, "", "YAML syntax error: " + BareMessage(exception), SyntaxErrorMark(exception, yamlText));
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            errors.Add(FieldScope.Root, "", "the manifest is empty", Mark.Empty);
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            errors.Add(FieldScope.Root, "", "only one YAML document is allowed (remove the second `---`)", stream.Documents[1].RootNode.Start);
        }

        return stream.Documents[0];
    }

    /// <summary>YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (…): "; the location is shown separately.</summary>
    private static string BareMessage(YamlException exception)
    {
        var message = exception.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line:", StringComparison.Ordinal) && separator >= 0 ? message[(separator + 3)..] : message;
    }

    /// <summary>
    /// Where a syntax error is: YamlDotNet's own mark, except for "invalid tab as indentation",
    /// which it reports at 1:1; then the first tab in a line's indentation.
    /// </summary>
    private static Mark SyntaxErrorMark(YamlException exception, string yamlText)
    {
        if (exception.Start.Line > 1 || exception.Start.Column > 1 || !exception.Message.Contains("tab", StringComparison.Ordinal))
        {
            return exception.Start;
        }

        var lines = yamlText.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indentation = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indentation);
            if (tab >= 0)
            {
                return new Mark(0, i + 1, tab + 1);
            }
        }

        return exception.Start;
    }

    private static void ExpectConstant(YamlMappingReader top, string key, string expected)
    {
        var value = top.Scalar(key, required: true);
        if (value is not null && value != expected)
        {
            top.Error(key, $"expected `{expected}`, got '{ManifestLimits.Shown(value)}'");
        }
    }

    private static string? ReadMetadataName(YamlMappingReader top)
    {
        var metadata = top.Mapping("metadata", required: true);
        metadata?.RejectUnknownKeys(ManifestVocabulary.MetadataKeys);
        var name = metadata?.Scalar("name", required: true);
        if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            metadata!.Error("name", "must not be blank");
            return null;
        }

        return name;
    }

    private static ImageReadContext ReadDefaults(YamlMappingReader? spec, string root, ManifestLoadOptions options, ManifestErrorList errors)
    {
        var defaults = spec?.Mapping("defaults");
        defaults?.RejectUnknownKeys(ManifestVocabulary.DefaultsKeys);
        var prefix = defaults?.Scalar("destinationPrefix") ?? ManifestVocabulary.DefaultDestinationPrefix;
        if ((ObjectKeyRules.CheckPrefix(prefix) ?? StoreLayout.CheckPrefix(prefix)) is { } problem)
        {
            defaults!.Error("destinationPrefix", problem);
        }

        var validation = defaults?.Mapping("validation");
        validation?.RejectUnknownKeys(ManifestVocabulary.DefaultsValidationKeys);
        HashAlgorithmKind? algorithm = validation is null ? null : ValidationReader.ReadAlgorithm(validation, "algorithm");
        return new ImageReadContext(root, prefix, algorithm, options.ChecksumsOptional, FileRoots.Create(root, options.FileRoots, errors));
    }

    private static List<ImageDefinition>? ReadImages(YamlMappingReader? spec, ImageReadContext context, ManifestErrorList errors)
    {
        var sequence = spec?.Sequence("images", required: true);
        if (sequence is null)
        {
            return null;
        }

        if (sequence.Children.Count == 0)
        {
            spec!.Error("images", "at least one image is required");
            return null;
        }

        var entries = sequence.Children
            .Select((node, index) => ImageEntryReader.Read(node, index, context, errors))
            .OfType<ImageEntry>()
            .ToList();
        ImageEntryConflicts.Report(entries, errors);
        return [.. entries.Select(e => e.Definition).OfType<ImageDefinition>()];
    }
}
