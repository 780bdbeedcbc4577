using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ImagePipeline.Sources.Http;

/// <summary>
/// Trust anchors from the OpenSSL-style variables <c>SSL_CERT_FILE</c> (a PEM bundle) and
/// <c>SSL_CERT_DIR</c> (colon-separated directories of PEM files), read through an injected
/// environment lookup so tests never touch the process environment. Unlike OpenSSL, which
/// replaces its defaults with them, we add them to the system roots: a private CA should not make
/// public mirrors untrusted.
/// </summary>
public static class CustomTrustStore
{
    public const string FileVariable = "SSL_CERT_FILE";
    public const string DirectoryVariable = "SSL_CERT_DIR";

    /// <summary>The system roots plus the configured ones; null when neither variable is set.</summary>
    /// <exception cref="TrustStoreException">SSL_CERT_FILE is missing or holds no certificate.</exception>
    public static X509Certificate2Collection? Load(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var file = environment(FileVariable);
        var directories = environment(DirectoryVariable);
        if (string.IsNullOrEmpty(file) && string.IsNullOrEmpty(directories))
        {
            return null;
        }

        var roots = new X509Certificate2Collection();
        if (!string.IsNullOrEmpty(file))
        {
            roots.AddRange(ReadBundle(file));
        }

        foreach (var directory in (directories ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Directory.Exists(directory))
            {
                throw new TrustStoreException($"{DirectoryVariable} names '{directory}', which is not a directory");
            }

            foreach (var candidate in Directory.EnumerateFiles(directory))
            {
                // Hashed-name links and unrelated files sit beside the certificates; skip what is not PEM.
                var certificates = new X509Certificate2Collection();
                try
                {
                    certificates.ImportFromPemFile(candidate);
                }
                catch (CryptographicException)
                {
                    continue;
                }

                roots.AddRange(certificates);
            }
        }

        using var system = new X509Store(StoreName.Root, StoreLocation.LocalMachine);
        system.Open(OpenFlags.ReadOnly);
        roots.AddRange(system.Certificates);
        return roots;
    }

    private static X509Certificate2Collection ReadBundle(string file)
    {
        if (!File.Exists(file))
        {
            throw new TrustStoreException($"{FileVariable} names '{file}', which does not exist");
        }

        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(file);
        }
        catch (CryptographicException ex)
        {
            throw new TrustStoreException($"{FileVariable} '{file}' is not a PEM certificate bundle: {ex.Message}", ex);
        }

        return certificates.Count > 0
            ? certificates
            : throw new TrustStoreException($"{FileVariable} '{file}' contains no certificate");
    }
}
