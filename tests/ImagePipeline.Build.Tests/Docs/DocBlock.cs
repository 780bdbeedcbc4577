namespace ImagePipeline.Build.Tests.Docs;

/// <summary>A fenced shell block of a Markdown file: where it starts, whether tests run it as written, its command lines.</summary>
internal sealed record DocBlock(string File, int Line, bool Runnable, IReadOnlyList<string> Lines)
{
    public override string ToString() => $"{File}:{Line}";
}
