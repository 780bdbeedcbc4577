using ImagePipeline.Catalog;
using ImagePipeline.Layout;
using ImagePipeline.Progress;
using ImagePipeline.Storage;
using ImagePipeline.Verification;
using Serilog;

namespace ImagePipeline.Auditing;

/// <summary>
/// Audits a plain copy of <c>images/</c> (the NAS after Cloud Sync: no metadata, only the catalog) against its own
/// <c>SHA256SUMS</c>/<c>SHA512SUMS</c>: listed files that are missing or differ, files no checksum file lists (extra),
/// links (never followed). Keys are paths relative to the copy's top, as in the checksum files.
/// </summary>
public sealed class CopyAuditor(ProgressBoard board, ILogger logger)
{
    /// <summary>True when <paramref name="store"/> looks like a copy of <c>images/</c>: a checksum file at its top and no <c>metadata/</c>.</summary>
    public static async Task<bool> IsCopyAsync(IImageStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var sums = await store.StatAsync(StoreLayout.Sha256SumsName, cancellationToken) ?? await store.StatAsync(StoreLayout.Sha512SumsName, cancellationToken);
        await using var metadata = store.ListAsync(StoreLayout.MetadataRoot, cancellationToken).GetAsyncEnumerator(cancellationToken);
        return sums is not null && !await metadata.MoveNextAsync();
    }

    /// <summary>Every file of the copy against its checksum files.</summary>
    public async Task<AuditReport> AuditAsync(IImageStore copy, AuditOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(copy);
        ArgumentNullException.ThrowIfNull(options);
        var present = new Dictionary<string, StoredObject>(StringComparer.Ordinal);
        await foreach (var obj in copy.ListAsync(string.Empty, cancellationToken))
        {
            present[obj.Key] = obj;
        }

        var recorded = await ReadChecksumFilesAsync(copy, present, cancellationToken);
        var findings = new List<AuditFinding>();
        var targets = new List<AuditTarget>();
        foreach (var (path, checksum) in recorded.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            if (!present.TryGetValue(path, out var obj))
            {
                findings.Add(new AuditFinding(path, AuditStatus.Missing, $"{StoreLayout.SumsName(checksum.Algorithm)} lists it, but the file is not there", null, checksum));
            }
            else if (obj.LinkTarget is not null)
            {
                findings.Add(new AuditFinding(path, AuditStatus.Missing, $"{StoreLayout.SumsName(checksum.Algorithm)} lists it, but it is a symbolic link (to {obj.LinkTarget}), not the image", null, checksum));
            }
            else
            {
                targets.Add(new AuditTarget(path, path, checksum, obj.Size));
            }
        }

        foreach (var obj in present.Values.Where(o => !recorded.ContainsKey(o.Key) && !StoreLayout.CatalogNames.Contains(o.Key)))
        {
            findings.Add(obj.LinkTarget is { } target
                ? new AuditFinding(obj.Key, AuditStatus.Link, $"symbolic link to {target}, not followed")
                : new AuditFinding(obj.Key, AuditStatus.Extra, "in none of the checksum files (kept after the store pruned it, or put here by hand)", obj.Size));
        }

        findings.AddRange(await new AuditReader(board, logger).ReadAsync(copy, targets, options, cancellationToken));
        return new AuditReport($"{copy.Description} (a copy of images/, against its checksum files)", [.. findings.OrderBy(f => f.Path, StringComparer.Ordinal)], []);
    }

    private static async Task<Dictionary<string, Checksum>> ReadChecksumFilesAsync(IImageStore copy, Dictionary<string, StoredObject> present, CancellationToken cancellationToken)
    {
        var recorded = new Dictionary<string, Checksum>(StringComparer.Ordinal);
        foreach (var algorithm in new[] { HashAlgorithmKind.Sha256, HashAlgorithmKind.Sha512 })
        {
            var name = StoreLayout.SumsName(algorithm);
            if (!present.ContainsKey(name) || await copy.OpenReadAsync(name, 0, cancellationToken) is not { } stream)
            {
                continue;
            }

            using var reader = new StreamReader(stream);
            try
            {
                foreach (var (path, checksum) in ChecksumFile.Parse(await reader.ReadToEndAsync(cancellationToken), algorithm, name))
                {
                    recorded[path] = checksum;
                }
            }
            catch (FormatException e)
            {
                throw new AuditException($"{copy.Description}: {e.Message} It is not a checksum file this tool wrote; check the copy.", e);
            }
        }

        return recorded.Count > 0 || present.ContainsKey(StoreLayout.Sha256SumsName) || present.ContainsKey(StoreLayout.Sha512SumsName)
            ? recorded
            : throw new AuditException($"{copy.Description} has neither {StoreLayout.Sha256SumsName} nor {StoreLayout.Sha512SumsName} at its top: is it a copy of images/ (e.g. /volume1/images)?");
    }
}
