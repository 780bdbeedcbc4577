using System.Security.Cryptography;
using System.Text;
using Serilog;
using YamlDotNet.Core;

namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// Decrypts sops-encrypted YAML files: recovers the data key (age or PGP), decrypts every value,
/// and verifies the file's MAC. A file without a MAC, or whose MAC or any value fails to
/// authenticate, is refused with <see cref="SopsIntegrityException"/>; every other failure is a
/// <see cref="CredentialsException"/>. Messages name the file and key path, never a value.
/// </summary>
public sealed class SopsDecryptor
{
    private readonly SopsDataKeyResolver dataKeys;
    private readonly ILogger logger;

    public SopsDecryptor(SopsDecryptionOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.logger = logger ?? throw new ArgumentNullException(nameof(logger));
        dataKeys = new SopsDataKeyResolver(options, logger);
    }

    /// <summary>Reads, decrypts and verifies the sops YAML file at <paramref name="path"/>.</summary>
    public async Task<SopsDocument> DecryptFileAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CredentialsException($"cannot read sops file '{path}': {ex.Message}", path, innerException: ex);
        }

        return await DecryptAsync(text, path, cancellationToken);
    }

    /// <summary>Decrypts and verifies sops YAML <paramref name="yaml"/>; <paramref name="filePath"/> names it in messages.</summary>
    public async Task<SopsDocument> DecryptAsync(string yaml, string filePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(filePath);
        var root = Parse(yaml, filePath);
        if (root.Find("sops") is not YamlTreeMapping sopsNode)
        {
            throw new CredentialsException($"{filePath}: no 'sops' metadata; the file is not encrypted with sops", filePath, "sops");
        }

        var metadata = SopsMetadataReader.Read(sopsNode, filePath);
        var data = new YamlTreeMapping([.. root.Entries.Where(e => !string.Equals(e.Key, "sops", StringComparison.Ordinal))]);
        var dataKey = await dataKeys.ResolveAsync(metadata, filePath, cancellationToken);
        try
        {
            (SopsDocument Document, string ComputedMac) result;
            try
            {
                result = SopsTreeDecryptor.Decrypt(data, metadata, dataKey, filePath);
            }
            catch (System.Text.RegularExpressions.RegexParseException ex)
            {
                throw new CredentialsException($"{filePath}: a regex in the sops metadata is invalid: {ex.Message}", filePath, "sops", ex);
            }

            VerifyMac(metadata, dataKey, result.ComputedMac, filePath);
            logger.Information("Decrypted {File}: {Count} values, MAC verified", filePath, result.Document.Values.Count);
            return result.Document;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>sops authenticates the MAC with the RFC 3339 <c>lastmodified</c> as additional data.</summary>
    private static void VerifyMac(SopsMetadata metadata, byte[] dataKey, string computedMac, string filePath)
    {
        if (string.IsNullOrEmpty(metadata.Mac))
        {
            throw new SopsIntegrityException($"{filePath}: the file has no MAC, so its integrity cannot be verified; refusing it (re-encrypt it with sops)", filePath, "sops.mac");
        }

        if (!SopsLastModified.TryFormat(metadata.LastModified, out var additionalData))
        {
            throw new CredentialsException($"{filePath}: sops 'lastmodified' is not an RFC 3339 timestamp", filePath, "sops.lastmodified");
        }

        if (!SopsValueCipher.TryParse(metadata.Mac, out var encryptedMac))
        {
            throw new SopsIntegrityException($"{filePath}: the MAC is not in sops's ENC[AES256_GCM,…] format", filePath, "sops.mac");
        }

        byte[] storedMac;
        try
        {
            storedMac = SopsValueCipher.Decrypt(encryptedMac, dataKey, additionalData);
        }
        catch (CryptographicException ex)
        {
            throw new SopsIntegrityException($"{filePath}: the MAC does not authenticate (the MAC or 'lastmodified' was changed)", filePath, "sops.mac", ex);
        }

        if (!CryptographicOperations.FixedTimeEquals(storedMac, Encoding.ASCII.GetBytes(computedMac)))
        {
            throw new SopsIntegrityException($"{filePath}: MAC mismatch: the values were changed, moved or reordered after sops wrote the file", filePath, "sops.mac");
        }
    }

    private static YamlTreeMapping Parse(string yaml, string filePath)
    {
        IReadOnlyList<YamlTreeMapping> documents;
        try
        {
            documents = YamlTreeParser.Parse(yaml);
        }
        catch (YamlException ex)
        {
            throw new CredentialsException($"{filePath}: invalid YAML at line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}", filePath, innerException: ex);
        }

        return documents.Count switch
        {
            0 => throw new CredentialsException($"{filePath}: the file is empty", filePath),
            1 => documents[0],
            _ => throw new CredentialsException($"{filePath}: multi-document YAML files are not supported", filePath),
        };
    }
}
