namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// One decrypted leaf. <see cref="Path"/> is the dotted key path with <c>[i]</c> for list items
/// (e.g. <c>app2.db.password</c>, <c>an_array[2]</c>). <see cref="Value"/> is the text sops
/// authenticates for it: the plaintext for strings, decimal ints, floats without exponent,
/// <c>True</c>/<c>False</c>. <see cref="IsAuthenticated"/> is false for cleartext values of a
/// <c>mac_only_encrypted</c> file, which anyone could have edited. <see cref="ToString"/> masks the value.
/// </summary>
public sealed record SopsValue(string Path, string Value, SopsValueType Type, bool WasEncrypted, bool IsAuthenticated)
{
    public override string ToString() =>
        $"SopsValue {{ Path = {Path}, Value = {(WasEncrypted ? "***" : Value)}, Type = {Type}, WasEncrypted = {WasEncrypted}, IsAuthenticated = {IsAuthenticated} }}";
}
