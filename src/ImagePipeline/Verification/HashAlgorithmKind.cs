namespace ImagePipeline.Verification;

/// <summary>The digest algorithms a manifest may name. There is deliberately no "none".</summary>
public enum HashAlgorithmKind
{
    Sha256,
    Sha512,
}
