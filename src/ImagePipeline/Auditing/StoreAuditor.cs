using ImagePipeline.Catalog;
using ImagePipeline.Layout;
using ImagePipeline.Progress;
using ImagePipeline.Storage;
using Serilog;

namespace ImagePipeline.Auditing;

/// <summary>
/// Audits a store against its metadata (S3 or directory): every image under <c>images/</c> is taken stock of
/// (missing, unmanaged, links, size and recorded-digest mismatches) and the rest read back (<see cref="AuditReader"/>);
/// it also says when the catalog is out of date. A plain copy of <c>images/</c> is <see cref="CopyAuditor"/>'s.
/// </summary>
public sealed class StoreAuditor(ProgressBoard board, ILogger logger)
{
    /// <summary>Every image under <c>images/</c> against its metadata; also says when the catalog is out of date.</summary>
    public async Task<AuditReport> AuditAsync(IImageStore store, AuditOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        var inventory = await StoreInventory.ReadAsync(store, StoreLayout.ImagesRoot, options.MetadataParallelism, cancellationToken);
        var findings = new List<AuditFinding>();
        var targets = new List<AuditTarget>();
        foreach (var entry in inventory.Entries)
        {
            var metadata = entry.Metadata;
            if (entry.IsLink && entry.MetadataObject is not null)
            {
                // A published image replaced by a link is gone for its consumers (as CopyAuditor says for a copy).
                findings.Add(new AuditFinding(entry.Key, AuditStatus.Missing,
                    $"{entry.MetadataKey} records it, but it is a symbolic link (to {entry.Stored!.LinkTarget}), not the image", null, metadata?.Checksum));
            }
            else if (entry.IsLink)
            {
                findings.Add(new AuditFinding(entry.Key, AuditStatus.Link, $"symbolic link to {entry.Stored!.LinkTarget}, not followed"));
            }
            else if (entry.Stored is not { } stored)
            {
                findings.Add(new AuditFinding(entry.Key, AuditStatus.Missing, $"{entry.MetadataKey} records it, but the object is not there", null, metadata?.Checksum));
            }
            else if (entry.MetadataObject is null)
            {
                findings.Add(new AuditFinding(entry.Key, AuditStatus.Unmanaged, "no metadata: not published by this tool", stored.Size, stored.Digest));
            }
            else if (metadata is null)
            {
                findings.Add(new AuditFinding(entry.Key, AuditStatus.Corrupt, $"its metadata {entry.MetadataKey} cannot be read ({entry.MetadataProblem})", stored.Size));
            }
            else if (stored.Size != metadata.Size)
            {
                findings.Add(new AuditFinding(entry.Key, AuditStatus.Corrupt, $"{stored.Size} bytes stored, its metadata records {metadata.Size}", stored.Size, metadata.Checksum));
            }
            else if (stored.Digest is { } recorded && recorded != metadata.Checksum)
            {
                findings.Add(new AuditFinding(entry.Key, AuditStatus.Corrupt, $"the object was stored as {recorded}, its metadata records {metadata.Checksum}", stored.Size, metadata.Checksum));
            }
            else
            {
                targets.Add(new AuditTarget(entry.Key, metadata.Name, metadata.Checksum, metadata.Size));
            }
        }

        findings.AddRange(await new AuditReader(board, logger).ReadAsync(store, targets, options, cancellationToken));
        var catalog = ConsumerCatalog.From(inventory);
        var stale = await new CatalogWriter(store, logger).ChangesAsync(catalog, inventory, cancellationToken);
        IReadOnlyList<string> warnings = stale.Count == 0
            ? []
            : [$"the catalog does not match the store ({string.Join("; ", stale)}); ./build.sh WriteCatalog rewrites it"];
        return new AuditReport($"{store.Description} (against its metadata)", [.. findings.OrderBy(f => f.Path, StringComparer.Ordinal)], warnings);
    }
}
