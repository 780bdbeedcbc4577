using ImagePipeline.Verification;

namespace ImagePipeline.Manifest;

/// <summary>
/// Reads an image's <c>validation</c> mapping and works out the digest the published file must have:
/// <c>validation.expected</c>, else <c>source.checksum</c> when nothing is decompressed, else none (packer).
/// </summary>
internal static class ValidationReader
{
    public static (HashAlgorithmKind Algorithm, Checksum? Expected) Read(
        YamlMappingReader image, string? imageName, SourceFields source, ImageReadContext context)
    {
        if (image.Raw("validation") is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "none" })
        {
            image.Error("validation", "there is no `validation: none`: every image is verified; give `algorithm` and `expected`, or remove the key");
            return (context.DefaultAlgorithm ?? HashAlgorithmKind.Sha256, null);
        }

        var validation = image.Mapping("validation");
        validation?.RejectUnknownKeys(ManifestVocabulary.ValidationKeys);
        var explicitAlgorithm = validation is null ? null : ReadAlgorithm(validation, "algorithm");
        var expected = validation is null
            ? null
            : ChecksumField.Read(validation, "expected", required: false, ChecksumField.ExpectedPlaceholderMessage(imageName), context.ChecksumsOptional);
        if (source.HasDecompress && !context.ChecksumsOptional && (validation is null || !validation.Has("expected") || validation.IsNullValue("expected")))
        {
            var at = validation ?? image;
            at.Errors.Add(at.Scope, "validation.expected",
                "required when source.decompress is set: the checksum of the decompressed image " + ChecksumField.PinHint(imageName),
                validation?.Node.Start ?? image.Node.Start);
        }

        if (expected is not null)
        {
            var algorithm = explicitAlgorithm ?? context.DefaultAlgorithm ?? HashAlgorithmKind.Sha256;
            if (expected.Algorithm != algorithm)
            {
                var origin = explicitAlgorithm is not null ? "" : context.DefaultAlgorithm is not null
                    ? " (from spec.defaults.validation.algorithm)"
                    : " (the default)";
                validation!.Error("expected",
                    $"is a {Checksum.Prefix(expected.Algorithm)} digest but validation.algorithm is {Checksum.Prefix(algorithm)}{origin}");
            }

            if (!source.HasDecompress && source.Checksum is { } sourceChecksum
                && sourceChecksum.Algorithm == expected.Algorithm && sourceChecksum != expected)
            {
                validation!.Error("expected", "differs from source.checksum, but without source.decompress the image is the downloaded file itself");
            }

            return (algorithm, expected);
        }

        // Without decompress the source checksum is the expected output, so its algorithm (or, while it is
        // still a placeholder for Pin, the one the placeholder names) is the validation algorithm.
        if (!source.HasDecompress && (source.Checksum?.Algorithm ?? source.PlaceholderAlgorithm) is { } sourceAlgorithm)
        {
            if (explicitAlgorithm is { } chosen && chosen != sourceAlgorithm)
            {
                validation!.Error("algorithm",
                    $"is {Checksum.Prefix(chosen)} but source.checksum, which is also the expected output without decompress, is {Checksum.Prefix(sourceAlgorithm)}");
            }

            return (sourceAlgorithm, source.Checksum);
        }

        return (explicitAlgorithm ?? context.DefaultAlgorithm ?? HashAlgorithmKind.Sha256, null);
    }

    /// <summary>sha256 or sha512, exactly as the schema lists them; null when absent or wrong (reported).</summary>
    public static HashAlgorithmKind? ReadAlgorithm(YamlMappingReader mapping, string key)
    {
        var text = mapping.Scalar(key);
        if (text is null)
        {
            return null;
        }

        if (ManifestVocabulary.Algorithms.Contains(text) && Checksum.TryParseAlgorithm(text, out var algorithm))
        {
            return algorithm;
        }

        mapping.Error(key, $"expected one of {string.Join(", ", ManifestVocabulary.Algorithms)}, got '{ManifestLimits.Shown(text)}'" + (text == "none" ? "; there is no `none`: every image is verified" : ""));
        return null;
    }
}
