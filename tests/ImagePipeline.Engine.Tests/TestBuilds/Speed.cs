namespace ImagePipeline.Engine.Tests;

public enum Speed
{
    Fast,
    VerySlow,
}
