namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// The type sops records for a value (<c>type:</c> in <c>ENC[…]</c>: str, int, float, bool, bytes),
/// or the YAML type of a cleartext value.
/// </summary>
public enum SopsValueType
{
    Text,
    Integral,
    FloatingPoint,
    Logical,
    Bytes,
}
