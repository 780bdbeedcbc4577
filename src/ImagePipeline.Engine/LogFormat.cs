namespace ImagePipeline.Engine;

/// <summary>How log events are written to the output.</summary>
public enum LogFormat
{
    /// <summary><c>HH:mm:ss INF [Target] message</c>, one line per event.</summary>
    Text,

    /// <summary>One compact JSON object per line (CLEF), for machines.</summary>
    Json,
}
