using System.Security.Cryptography;
using System.Text;

namespace ImagePipeline.Credentials.Sops;

/// <summary>
/// Walks a sops document in file order exactly as sops's <c>Tree.Decrypt</c> does: decrypts the values
/// the rules say are encrypted (additional data = key path joined with <c>:</c> plus a trailing
/// <c>:</c>; a list item has its list's path), and hashes every value (or, with
/// <c>mac_only_encrypted</c>, only the encrypted ones after a fixed 32-byte prefix) into SHA-512.
/// Comments are decrypted when they can be but never hashed.
/// </summary>
internal sealed class SopsTreeDecryptor
{
    // sha256("sops"), sops's MACOnlyEncryptedInitialization.
    private static readonly byte[] MacOnlyEncryptedInitialization = Convert.FromHexString("8a3fd2ad54ce66527b1034f3d147be0b0b975b3bf44f72c6fdadec8176f27d69");

    private readonly SopsMetadata metadata;
    private readonly byte[] dataKey;
    private readonly string filePath;
    private readonly IncrementalHash mac = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
    private readonly List<SopsValue> values = [];
    private readonly List<SopsComment> comments = [];
    private readonly List<List<string>> commentsStack = [];

    private SopsTreeDecryptor(SopsMetadata metadata, byte[] dataKey, string filePath)
    {
        this.metadata = metadata;
        this.dataKey = dataKey;
        this.filePath = filePath;
        if (metadata.MacOnlyEncrypted)
        {
            mac.AppendData(MacOnlyEncryptedInitialization);
        }
    }

    /// <summary>Decrypts <paramref name="root"/> (without its <c>sops</c> key); returns the document and the computed MAC (upper-case hex).</summary>
    public static (SopsDocument Document, string ComputedMac) Decrypt(YamlTreeMapping root, SopsMetadata metadata, byte[] dataKey, string filePath)
    {
        var walker = new SopsTreeDecryptor(metadata, dataKey, filePath);
        try
        {
            walker.WalkMapping(root, [], string.Empty);
            return (new SopsDocument(filePath, walker.values, walker.comments), Convert.ToHexString(walker.mac.GetHashAndReset()));
        }
        finally
        {
            walker.mac.Dispose();
        }
    }

    private static string Join(string display, string key) => display.Length == 0 ? key : display + "." + key;

    private void WalkMapping(YamlTreeMapping mapping, List<string> path, string display)
    {
        commentsStack.Add([]);
        foreach (var (key, value) in mapping.Entries)
        {
            if (key is null)
            {
                commentsStack[^1].Add(((YamlTreeComment)value).Text);
                OnComment((YamlTreeComment)value, path, display);
                continue;
            }

            WalkValue(value, [.. path, key], Join(display, key));
            commentsStack[^1].Clear();
        }

        commentsStack.RemoveAt(commentsStack.Count - 1);
    }

    private void WalkSequence(YamlTreeSequence sequence, List<string> path, string display)
    {
        commentsStack.Add([]);
        var index = 0;
        foreach (var item in sequence.Items)
        {
            if (item is YamlTreeComment comment)
            {
                commentsStack[^1].Add(comment.Text);
                OnComment(comment, path, display);
                continue;
            }

            WalkValue(item, path, $"{display}[{index++}]");
            commentsStack[^1].Clear();
        }

        commentsStack.RemoveAt(commentsStack.Count - 1);
    }

    private void WalkValue(YamlTreeNode node, List<string> path, string display)
    {
        switch (node)
        {
            case YamlTreeMapping mapping:
                WalkMapping(mapping, path, display);
                break;
            case YamlTreeSequence sequence:
                WalkSequence(sequence, path, display);
                break;
            case YamlTreeScalar scalar:
                OnScalar(scalar, path, display);
                break;
        }
    }

    private void OnScalar(YamlTreeScalar scalar, List<string> path, string display)
    {
        var encrypted = metadata.Rules.ShouldBeEncrypted(path, commentsStack, isComment: false);
        SopsLeafValue? leaf;
        if (encrypted)
        {
            leaf = DecryptScalar(scalar, path, display);
        }
        else
        {
            leaf = SopsScalarConverter.FromCleartext(scalar);
        }

        if (leaf is not { } value)
        {
            return; // A YAML null: sops neither encrypts nor hashes it.
        }

        var authenticated = !metadata.MacOnlyEncrypted || encrypted;
        if (authenticated)
        {
            mac.AppendData(value.MacBytes);
        }

        values.Add(new SopsValue(display, Encoding.UTF8.GetString(value.MacBytes), value.Type, encrypted, authenticated));
    }

    private SopsLeafValue? DecryptScalar(YamlTreeScalar scalar, List<string> path, string display)
    {
        var cleartext = SopsScalarConverter.FromCleartext(scalar);
        if (cleartext is null)
        {
            return null;
        }

        if (cleartext.Value.Type != SopsValueType.Text)
        {
            throw new SopsIntegrityException($"{filePath}: value at '{display}' should be encrypted but is a plain {cleartext.Value.Type.ToString().ToLowerInvariant()}", filePath, display);
        }

        if (scalar.Value.Length == 0)
        {
            return cleartext; // sops stores an empty string as an empty string.
        }

        if (!SopsValueCipher.TryParse(scalar.Value, out var encryptedValue))
        {
            throw new SopsIntegrityException($"{filePath}: value at '{display}' should be encrypted but is not in sops's ENC[AES256_GCM,…] format", filePath, display);
        }

        byte[] plaintext;
        try
        {
            plaintext = SopsValueCipher.Decrypt(encryptedValue, dataKey, string.Join(':', path) + ":");
        }
        catch (CryptographicException ex)
        {
            throw new SopsIntegrityException(
                $"{filePath}: value at '{display}' does not authenticate under its key path (edited, moved or copied from another key or file)", filePath, display, ex);
        }

        try
        {
            return SopsScalarConverter.FromDecrypted(encryptedValue.Type, plaintext);
        }
        catch (FormatException ex)
        {
            throw new CredentialsException($"{filePath}: value at '{display}': {ex.Message}", filePath, display, ex);
        }
    }

    private void OnComment(YamlTreeComment comment, List<string> path, string display)
    {
        var encrypted = metadata.Rules.ShouldBeEncrypted(path, commentsStack, isComment: true);
        if (encrypted && SopsValueCipher.TryParse(comment.Text, out var encryptedComment) && encryptedComment.Type == "comment")
        {
            // sops attaches comments with yaml.v3's rules; ours may place a comment one level deeper,
            // so try the enclosing paths from the innermost out. GCM picks the one it was written for.
            for (var depth = path.Count; depth >= 0; depth--)
            {
                try
                {
                    var plaintext = SopsValueCipher.Decrypt(encryptedComment, dataKey, string.Join(':', path.Take(depth)) + ":");
                    comments.Add(new SopsComment(display, Encoding.UTF8.GetString(plaintext), WasEncrypted: true));
                    return;
                }
                catch (CryptographicException)
                {
                    // Not this level.
                }
            }
        }

        // sops keeps a comment it cannot decrypt as it is (older sops versions wrote them in clear).
        comments.Add(new SopsComment(display, comment.Text, WasEncrypted: false));
    }
}
