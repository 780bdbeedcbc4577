using System.Security.Cryptography;
using ImagePipeline.Credentials.Age;
using Serilog;

namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// Recovers a file's 32-byte data key from its key group, trying keys in sops's default order: every
/// age key (with all identities found), then every PGP key (through gpg). Keys nobody holds are
/// skipped; the error lists why each one failed.
/// </summary>
internal sealed class SopsDataKeyResolver
{
    private const int DataKeySize = 32;

    private readonly SopsDecryptionOptions options;
    private readonly AgeIdentityLoader ageLoader;
    private readonly GpgDataKeyDecryptor gpg;
    private readonly ILogger logger;

    public SopsDataKeyResolver(SopsDecryptionOptions options, ILogger logger)
    {
        this.options = options;
        this.logger = logger;
        ageLoader = new AgeIdentityLoader(options.Environment, logger);
        gpg = new GpgDataKeyDecryptor(options.Environment, logger);
    }

    public async Task<byte[]> ResolveAsync(SopsMetadata metadata, string filePath, CancellationToken cancellationToken)
    {
        if (metadata.KeyGroups.Count > 1)
        {
            throw new CredentialsException(
                $"{filePath}: the data key is split over {metadata.KeyGroups.Count} key groups (Shamir secret sharing), which is not supported; use one key group",
                filePath,
                "sops.key_groups");
        }

        var group = metadata.KeyGroups[0];
        var failures = new List<string>();
        if (group.AgeKeys.Count > 0)
        {
            var key = await TryAgeAsync(group.AgeKeys, failures, cancellationToken);
            if (key is not null)
            {
                return Checked(key, filePath);
            }
        }

        foreach (var pgpKey in group.PgpKeys)
        {
            try
            {
                var key = await gpg.DecryptAsync(pgpKey.EncryptedDataKey, pgpKey.Fingerprint, cancellationToken);
                logger.Information("Decrypted the data key of {File} with PGP key {Fingerprint}", filePath, pgpKey.Fingerprint);
                return Checked(key, filePath);
            }
            catch (CredentialsException ex)
            {
                failures.Add($"pgp {pgpKey.Fingerprint}: {ex.Message}");
            }
        }

        failures.AddRange(group.OtherKeyTypes.Select(type => $"{type}: key type not supported by ImagePipeline"));
        throw new CredentialsException(
            $"{filePath}: could not decrypt the sops data key with any master key. Provide an age identity (--sops-age-key-file, {AgeIdentityLoader.KeyFileVariable}, {AgeIdentityLoader.KeyVariable}, {AgeIdentityLoader.KeyCommandVariable} or {ageLoader.UserKeyFile() ?? "~/.config/sops/age/keys.txt"}) or a PGP secret key in gpg. Tried: {string.Join("; ", failures)}",
            filePath);
    }

    private async Task<byte[]?> TryAgeAsync(IReadOnlyList<SopsAgeKey> keys, List<string> failures, CancellationToken cancellationToken)
    {
        var identities = await ageLoader.LoadAsync(options.AgeKeyFile, cancellationToken);
        failures.AddRange(identities.Problems.Select(p => "age: " + p));
        if (identities.Identities.Count == 0)
        {
            failures.Add($"age: no identities found (looked in: {string.Join(", ", identities.Locations.DefaultIfEmpty("nowhere: HOME is not set"))})");
            return null;
        }

        var noMatch = false;
        foreach (var key in keys)
        {
            try
            {
                using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(key.EncryptedDataKey));
                using var output = new MemoryStream();
                await AgeDecryptor.DecryptAsync(input, output, identities.Identities, cancellationToken);
                logger.Information("Decrypted the sops data key with age recipient {Recipient}", key.Recipient);
                return output.ToArray();
            }
            catch (AgeDecryptionException ex)
            {
                failures.Add($"age {key.Recipient}: {ex.Message}");
                noMatch |= ex.NoMatchingIdentity;
            }
        }

        if (noMatch)
        {
            failures.Add($"age: tried {identities.DescribeSources()}; none is a recipient of this file (wrong key?)");
        }

        return null;
    }

    private static byte[] Checked(byte[] key, string filePath)
    {
        if (key.Length != DataKeySize)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new CredentialsException($"{filePath}: the decrypted data key is {key.Length} bytes, expected {DataKeySize}", filePath);
        }

        return key;
    }
}
