namespace ImagePipeline.Credentials.Age;

/// <summary>One recipient stanza of an age header: <c>-&gt; Type arg…</c> followed by its body.</summary>
public sealed record AgeStanza(string Type, IReadOnlyList<string> Arguments, byte[] Body);
