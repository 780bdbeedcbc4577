namespace ImagePipeline.Credentials.Age;

/// <summary>
/// The age identities found, where they were looked for (<see cref="Locations"/>, for error messages),
/// which sources gave which identities (<see cref="Sources"/>, public recipients only) and what went
/// wrong while reading them (<see cref="Problems"/>; never key material).
/// </summary>
public sealed record AgeIdentitySet(
    IReadOnlyList<AgeX25519Identity> Identities,
    IReadOnlyList<string> Locations,
    IReadOnlyList<string> Problems,
    IReadOnlyList<AgeIdentitySource> Sources)
{
    /// <summary>"2 identities from …; 1 from …", for the message when none of them fits.</summary>
    public string DescribeSources() => Identities.Count == 1
        ? $"the identity from {Sources[0]}"
        : $"{Identities.Count} identities from {string.Join("; ", Sources)}";
}
