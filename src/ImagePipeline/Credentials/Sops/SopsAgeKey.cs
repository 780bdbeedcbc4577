namespace ImagePipeline.Credentials.Sops;

/// <summary>An age master key entry: the recipient and the armored age file holding the data key.</summary>
public sealed record SopsAgeKey(string Recipient, string EncryptedDataKey);
