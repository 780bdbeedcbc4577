namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// One key group: every key in it encrypts the same data key. <see cref="OtherKeyTypes"/> names the
/// key types present that we cannot use (kms, gcp_kms, azure_kv, hc_vault, hckms).
/// </summary>
public sealed record SopsKeyGroup(IReadOnlyList<SopsAgeKey> AgeKeys, IReadOnlyList<SopsPgpKey> PgpKeys, IReadOnlyList<string> OtherKeyTypes);
