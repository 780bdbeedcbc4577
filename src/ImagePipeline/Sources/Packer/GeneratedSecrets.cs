using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Utilities;
using Org.BouncyCastle.Security;

namespace ImagePipeline.Sources.Packer;

/// <summary>
/// Secrets made fresh for one build and never stored (the answer to "where does the build VM's SSH key
/// live?": nowhere): <c>${generate:password}</c> is 24 random characters, <c>${generate:ssh-ed25519}</c> an
/// OpenSSH private key and <c>${generate:ssh-ed25519:public}</c> the matching public key line, one pair per
/// build, so a template can put the public key into the installer's authorized_keys and let Packer's
/// communicator log in with the private one. Values live only in memory and in Packer's environment for
/// the build; they are masked like <c>${env:…}</c> values and never enter the fingerprint, metadata or logs.
/// </summary>
public sealed class GeneratedSecrets
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private (string Private, string Public)? _ed25519;
    private string? _password;

    public static IReadOnlyList<string> Kinds { get; } = ["password", "ssh-ed25519", "ssh-ed25519:public"];

    /// <summary>The value of <c>${generate:<paramref name="kind"/>}</c>; the same within one instance.</summary>
    /// <returns>Null for an unknown kind.</returns>
    public string? Get(string kind) => kind switch
    {
        "password" => _password ??= RandomNumberGenerator.GetString(PasswordAlphabet, 24),
        "ssh-ed25519" => KeyPair().Private,
        "ssh-ed25519:public" => KeyPair().Public,
        _ => null,
    };

    private (string Private, string Public) KeyPair() => _ed25519 ??= CreateEd25519();

    private static (string Private, string Public) CreateEd25519()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        var blob = OpenSshPrivateKeyUtilities.EncodePrivateKey(pair.Private);
        var pem = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        foreach (var line in Convert.ToBase64String(blob).Chunk(70))
        {
            pem.Append(line).Append('\n');
        }

        pem.Append("-----END OPENSSH PRIVATE KEY-----\n");
        var publicKey = "ssh-ed25519 " + Convert.ToBase64String(OpenSshPublicKeyUtilities.EncodePublicKey((Ed25519PublicKeyParameters)pair.Public)) + " imagepipeline-build";
        return (pem.ToString(), publicKey);
    }
}
