namespace ImagePipeline.Testing;

/// <summary>What <see cref="FaultProxy"/> does to a request its rule picks.</summary>
public enum ProxyFault
{
    /// <summary>Reads the request, then never answers (the connection stays open).</summary>
    Stall,

    /// <summary>Answers <c>500 InternalError</c> without passing the request on.</summary>
    ServerError,

    /// <summary>Resets the connection (TCP RST) once the request head arrived.</summary>
    Reset,

    /// <summary>Answers <c>403 AccessDenied</c> (a permanent error for the store) without passing the request on.</summary>
    AccessDenied,
}
