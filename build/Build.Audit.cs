using System.Text.Json;
using ImagePipeline.Auditing;
using ImagePipeline.Build.Output;
using ImagePipeline.Engine;

namespace ImagePipeline.Build;

internal sealed partial class Build
{
    /// <summary>
    /// Reads the store back: against its metadata, or, when --store is a copy of images/ (checksum files at its top and
    /// no metadata/, the NAS after Cloud Sync), against its SHA256SUMS/SHA512SUMS. Read-only: it never writes to what it audits.
    /// </summary>
    async Task AuditAsync(CancellationToken cancellationToken)
    {
        var store = (await OpenStoreAsync(required: true, cancellationToken))!;
        var options = new AuditOptions { SamplePercent = Sample, Parallelism = Parallelism, ShowProgress = ProgressDisplay() };
        var report = await CopyAuditor.IsCopyAsync(store, cancellationToken)
            ? await new CopyAuditor(_board, Log).AuditAsync(store, options, cancellationToken)
            : await new StoreAuditor(_board, Log).AuditAsync(store, options, cancellationToken);

        if (Json)
        {
            Output.WriteLine(JsonSerializer.Serialize(AuditedPath.Document(report), ListedImage.JsonOptions));
        }
        else
        {
            var table = new TextTable("Path", "Result", "Size", "Detail");
            foreach (var finding in report.Findings)
            {
                table.Add(finding.Path, AuditReport.Name(finding.Status), finding.Size is { } size ? ByteSize.Format(size) : "-", finding.Detail);
            }

            table.WriteTo(Output.WriteLine);
            AppendStepSummary("Audit", table);
        }

        foreach (var warning in report.Warnings)
        {
            Log.Warning("Audit: {Warning}", warning);
        }

        Log.Information("Audit of {Source}: {Summary}", report.Source, report.Summary());
        if (report.Failed)
        {
            throw new AuditFailedException(report);
        }
    }
}
