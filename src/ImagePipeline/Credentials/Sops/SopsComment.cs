namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// A comment line of a sops file (text after <c>#</c>) and the path of the mapping or list it sits in.
/// Comments are not covered by the MAC. <see cref="ToString"/> masks encrypted ones.
/// </summary>
public sealed record SopsComment(string Path, string Text, bool WasEncrypted)
{
    public override string ToString() => $"SopsComment {{ Path = {Path}, Text = {(WasEncrypted ? "***" : Text)} }}";
}
