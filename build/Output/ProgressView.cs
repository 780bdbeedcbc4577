using ImagePipeline.Progress;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ImagePipeline.Build.Output;

/// <summary>
/// One frame of the live display: a row per image (stage, source bytes of the total, %, rate, ETA, bytes stored and
/// output) and a line counting images per stage. Rate and ETA show while an image is acquired, byte counts once any
/// came. The frame fits the width: the columns at the right go first (output, stored, ETA, rate), then long names are cut.
/// </summary>
internal static class ProgressView
{
    private static readonly string[] Headers = ["Image", "Stage", "Source", "%", "Rate", "ETA", "Stored", "Output"];
    private static readonly int[] DropOrder = [7, 6, 5, 4];

    public static IRenderable Render(IReadOnlyList<ImageProgressSnapshot> images, bool colour, int width)
    {
        ArgumentNullException.ThrowIfNull(images);
        var rows = images.Select(Cells).ToList();
        var layout = TerminalColumns.Fit(Headers, rows, width, DropOrder, rightAlignedFrom: 2);
        var table = layout.Table(colour);
        foreach (var (image, cells) in images.Zip(rows))
        {
            table.AddRow(layout.Cells(cells, column => column == 1 && colour ? StageStyle(image.Stage) : Style.Plain));
        }

        return new Rows(table, new Text(Caption(images)));
    }

    private static string[] Cells(ImageProgressSnapshot image)
    {
        var started = image.SourceBytes > 0;
        var moving = image.Stage is ImageStage.Acquiring or ImageStage.Auditing && started;
        return
        [
            image.ImageName,
            Label(image.Stage),
            started ? ProgressText.Done(image) : string.Empty,
            started ? ProgressText.Percent(image) ?? string.Empty : string.Empty,
            moving ? ProgressText.Rate(image.SourceRate) : string.Empty,
            moving ? ProgressText.Eta(image) ?? string.Empty : string.Empty,
            started ? ByteSize.Format(image.UploadedBytes) : string.Empty,
            started ? ByteSize.Format(image.OutputBytes) : string.Empty,
        ];
    }

    /// <summary>"3 image(s): 1 acquiring, 1 done, 1 pending", stages in chain order.</summary>
    private static string Caption(IReadOnlyList<ImageProgressSnapshot> images) =>
        $"{images.Count} image(s): " + string.Join(", ", images.GroupBy(i => i.Stage).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Label(g.Key)}"));

    private static string Label(ImageStage stage) => stage.ToString().ToLowerInvariant();

    private static Style StageStyle(ImageStage stage) => stage switch
    {
        ImageStage.Acquiring or ImageStage.Auditing or ImageStage.Verifying or ImageStage.Committing or ImageStage.Recording => new Style(Color.Blue),
        ImageStage.Done => new Style(Color.Green),
        ImageStage.Failed => new Style(Color.Red),
        ImageStage.Checking or ImageStage.Planning => new Style(Color.Teal),
        _ => new Style(Color.Grey),
    };
}
