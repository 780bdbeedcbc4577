using ImagePipeline.Testing;

namespace ImagePipeline.Tests.Credentials;

/// <summary>Paths into ../shared/fixtures/sops (see its README.md) and the values it documents.</summary>
internal static class SopsFixtures
{
    public const string SyntheticRecipient = "age1taq23dws5putar3lg208uu7x99n8n8axkjhc3slzdrmc7ddpsdrq7y8y5r";
    public const string SyntheticAccessKey = "AKIAEXAMPLE123";
    public const string SyntheticSecretKey = "s3cr3t/+=";

    public static string Path(params string[] parts) => System.IO.Path.Combine([RepositoryPaths.SopsFixtures, .. parts]);

    public static string SyntheticAgeKey => Path("synthetic", "age-key.txt");

    public static string EncryptedRegexFile => Path("synthetic", "credentials.encrypted_regex.yaml");

    public static string MacOnlyEncryptedFile => Path("synthetic", "credentials.mac_only_encrypted.yaml");
}
