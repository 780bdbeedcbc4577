namespace ImagePipeline.Credentials.Age;

/// <summary>Where identities came from (<c>SOPS_AGE_KEY_FILE '/x/keys.txt'</c>) and their public recipients.</summary>
public sealed record AgeIdentitySource(string Where, IReadOnlyList<string> Recipients)
{
    public override string ToString() => $"{Where} ({string.Join(", ", Recipients)})";
}
