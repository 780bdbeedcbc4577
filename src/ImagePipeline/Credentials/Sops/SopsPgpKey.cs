namespace ImagePipeline.Credentials.Sops;

/// <summary>A PGP master key entry: the fingerprint and the armored PGP message holding the data key.</summary>
public sealed record SopsPgpKey(string Fingerprint, string EncryptedDataKey);
