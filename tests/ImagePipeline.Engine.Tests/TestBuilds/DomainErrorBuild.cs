namespace ImagePipeline.Engine.Tests;

/// <summary>Counts <see cref="InvalidDataException"/> (standing in for a domain's "fix your input" type) as a usage error.</summary>
public sealed class DomainErrorBuild : BuildBase
{
    private string mode = "fast";

    [Parameter("What Work throws: data, other or nothing")]
    public string Throw { get; private set; } = "nothing";

    [Parameter("Make the inputs of Each throw")]
    public bool BrokenInputs { get; private set; }

    [Parameter("Rejects 'bad' in its setter")]
    public string Mode
    {
        get => mode;
        private set => mode = value == "bad" ? throw new InvalidDataException("--mode 'bad' is not a mode.") : value;
    }

    public Target Work => _ => _.Runs(() =>
    {
        switch (Throw)
        {
            case "data":
                throw new InvalidDataException("images.yaml: the name of image 3 is missing.");
            case "other":
                throw new InvalidOperationException("the disk is full.");
        }
    });

    public Target Each => _ => _
        .ForEach(Inputs)
        .Executes((_, _) => Task.CompletedTask);

    private string[] Inputs() => BrokenInputs ? throw new InvalidDataException("the inputs are broken.") : ["a"];

    protected override bool IsUsageError(Exception exception) => exception is InvalidDataException || base.IsUsageError(exception);
}
