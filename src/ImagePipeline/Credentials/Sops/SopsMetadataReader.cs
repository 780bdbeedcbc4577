namespace ImagePipeline.Credentials.Sops;

/// <summary>Reads the <c>sops:</c> mapping into <see cref="SopsMetadata"/>, with sops's checks (stores/stores.go).</summary>
internal static class SopsMetadataReader
{
    private static readonly string[] UnsupportedKeyTypes = ["kms", "gcp_kms", "azure_kv", "hc_vault", "hckms"];

    public static SopsMetadata Read(YamlTreeMapping sops, string filePath)
    {
        var lastModified = Scalar(sops, "lastmodified", filePath)
            ?? throw new CredentialsException($"{filePath}: sops metadata has no 'lastmodified'", filePath, "sops.lastmodified");
        var rules = new SopsEncryptionRules(
            Scalar(sops, "unencrypted_suffix", filePath),
            Scalar(sops, "encrypted_suffix", filePath),
            Scalar(sops, "unencrypted_regex", filePath),
            Scalar(sops, "encrypted_regex", filePath),
            Scalar(sops, "unencrypted_comment_regex", filePath),
            Scalar(sops, "encrypted_comment_regex", filePath));
        var ruleCount = new[] { rules.UnencryptedSuffix, rules.EncryptedSuffix, rules.UnencryptedRegex, rules.EncryptedRegex, rules.UnencryptedCommentRegex, rules.EncryptedCommentRegex }
            .Count(r => !string.IsNullOrEmpty(r));
        if (ruleCount > 1)
        {
            throw new CredentialsException(
                $"{filePath}: sops metadata sets more than one of encrypted_suffix, unencrypted_suffix, encrypted_regex, unencrypted_regex, encrypted_comment_regex, unencrypted_comment_regex",
                filePath);
        }

        if (ruleCount == 0)
        {
            rules = rules with { UnencryptedSuffix = SopsEncryptionRules.DefaultUnencryptedSuffix };
        }

        var macOnly = Scalar(sops, "mac_only_encrypted", filePath) is { } m && (m is "true" or "True" or "TRUE");
        var threshold = int.TryParse(Scalar(sops, "shamir_threshold", filePath), System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : 0;
        return new SopsMetadata(lastModified, Scalar(sops, "mac", filePath), ReadGroups(sops, filePath), threshold, rules, macOnly, Scalar(sops, "version", filePath));
    }

    private static List<SopsKeyGroup> ReadGroups(YamlTreeMapping sops, string filePath)
    {
        var topLevel = ReadGroup(sops, filePath, "sops");
        if (topLevel.AgeKeys.Count > 0 || topLevel.PgpKeys.Count > 0 || topLevel.OtherKeyTypes.Count > 0)
        {
            return [topLevel];
        }

        if (sops.Find("key_groups") is YamlTreeSequence groups)
        {
            var result = groups.Items.OfType<YamlTreeMapping>().Select((g, i) => ReadGroup(g, filePath, $"sops.key_groups[{i}]")).ToList();
            if (result.Count > 0)
            {
                return result;
            }
        }

        throw new CredentialsException($"{filePath}: sops metadata lists no keys", filePath, "sops");
    }

    private static SopsKeyGroup ReadGroup(YamlTreeMapping group, string filePath, string path)
    {
        var age = Entries(group, "age")
            .Select(e => new SopsAgeKey(Scalar(e, "recipient", filePath) ?? string.Empty, Scalar(e, "enc", filePath) ?? string.Empty))
            .ToList();
        var pgp = Entries(group, "pgp")
            .Select(e => new SopsPgpKey(Scalar(e, "fp", filePath) ?? string.Empty, Scalar(e, "enc", filePath) ?? string.Empty))
            .ToList();
        if (age.Any(k => k.EncryptedDataKey.Length == 0) || pgp.Any(k => k.EncryptedDataKey.Length == 0))
        {
            throw new CredentialsException($"{filePath}: a key in {path} has no 'enc'", filePath, path);
        }

        var others = UnsupportedKeyTypes.Where(type => Entries(group, type).Any()).ToList();
        return new SopsKeyGroup(age, pgp, others);
    }

    private static IEnumerable<YamlTreeMapping> Entries(YamlTreeMapping mapping, string key) =>
        mapping.Find(key) is YamlTreeSequence sequence ? sequence.Items.OfType<YamlTreeMapping>() : [];

    private static string? Scalar(YamlTreeMapping mapping, string key, string filePath) => mapping.Find(key) switch
    {
        null => null,
        YamlTreeScalar scalar => scalar.Value,
        _ => throw new CredentialsException($"{filePath}: sops metadata field '{key}' must be a scalar", filePath, "sops." + key),
    };
}
