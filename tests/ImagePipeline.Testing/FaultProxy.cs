using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ImagePipeline.Testing;

/// <summary>
/// A small HTTP/1.1 proxy on 127.0.0.1 in front of a real server (RGW): it forwards bytes both ways, but
/// reads each request head to count requests, and fails or stalls the ones a rule picks (the Nth
/// <c>PUT …partNumber=2…</c>, say). Bodies are framed by Content-Length or chunked encoding, so
/// keep-alive connections carry on after an untouched request. Only loopback; stops on dispose.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly Uri _upstream;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(Func<string, bool> Match, ProxyFault Fault, int Remaining)> _rules = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private readonly List<string> _requests = [];

    public FaultProxy(Uri upstream)
    {
        _upstream = upstream;
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    public Uri Endpoint { get; }

    /// <summary>Request lines seen so far ("PUT /bucket/key?partNumber=1&amp;uploadId=… HTTP/1.1").</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The next <paramref name="times"/> requests whose request line satisfies <paramref name="match"/> get <paramref name="fault"/>.</summary>
    public void Inject(Func<string, bool> match, ProxyFault fault, int times = 1)
    {
        lock (_gate)
        {
            _rules.Add((match, fault, times));
        }
    }

    /// <summary>Drops every rule: from now on all requests pass.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private ProxyFault? Decide(string requestLine)
    {
        lock (_gate)
        {
            _requests.Add(requestLine);
            for (var i = 0; i < _rules.Count; i++)
            {
                var (match, fault, remaining) = _rules[i];
                if (remaining > 0 && match(requestLine))
                {
                    _rules[i] = (match, fault, remaining - 1);
                    return fault;
                }
            }

            return null;
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(_upstream.Host, _upstream.Port, _stop.Token);
                var fromClient = client.GetStream();
                var toUpstream = upstream.GetStream();
                var responses = Task.Run(() => PumpResponsesAsync(toUpstream, fromClient));
                var reader = new HttpFrameReader(fromClient);
                while (await reader.ReadHeadAsync(_stop.Token) is { } head)
                {
                    var line = head[..head.IndexOf("\r\n", StringComparison.Ordinal)];
                    switch (Decide(line))
                    {
                        case ProxyFault.Reset:
                            client.Client.LingerState = new LingerOption(true, 0);
                            return;
                        case ProxyFault.ServerError:
                            await WriteErrorAsync(fromClient, "500 Internal Server Error", "InternalError");
                            return;
                        case ProxyFault.AccessDenied:
                            await WriteErrorAsync(fromClient, "403 Forbidden", "AccessDenied");
                            return;
                        case ProxyFault.Stall:
                            await reader.CopyBodyAsync(head, Stream.Null, _stop.Token);
                            await Task.Delay(Timeout.Infinite, _stop.Token);
                            return;
                        default:
                            await toUpstream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
                            await reader.CopyBodyAsync(head, toUpstream, _stop.Token);
                            break;
                    }
                }

                await responses;
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client, the server or the test went away.
            }
        }

        async Task PumpResponsesAsync(Stream from, Stream to)
        {
            try
            {
                await from.CopyToAsync(to, _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
            }
        }
    }

    private static async Task WriteErrorAsync(Stream client, string status, string code)
    {
        var body = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>injected by FaultProxy</Message></Error>";
        var response = $"HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n{body}";
        await client.WriteAsync(Encoding.ASCII.GetBytes(response));
        await client.FlushAsync();
    }
}
