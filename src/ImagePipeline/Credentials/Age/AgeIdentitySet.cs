namespace ImagePipeline.Credentials.Age;

/// <summary>
/// The age identities found, where they were looked for (<see cref="Locations"/>, for error messages)
/// and what went wrong while reading them (<see cref="Problems"/>; never key material).
/// </summary>
public sealed record AgeIdentitySet(
    IReadOnlyList<AgeX25519Identity> Identities,
    IReadOnlyList<string> Locations,
    IReadOnlyList<string> Problems);
