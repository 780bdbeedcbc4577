namespace ImagePipeline.Credentials.Sops;

/// <summary>The <c>sops:</c> block of an encrypted file, as far as decryption needs it.</summary>
public sealed record SopsMetadata(
    string LastModified,
    string? Mac,
    IReadOnlyList<SopsKeyGroup> KeyGroups,
    int ShamirThreshold,
    SopsEncryptionRules Rules,
    bool MacOnlyEncrypted,
    string? Version);
