using System.Globalization;
using System.Text;

namespace ImagePipeline.Testing;

/// <summary>Reads HTTP/1.1 request heads and copies their bodies (Content-Length or chunked) from a stream, for <see cref="FaultProxy"/>.</summary>
internal sealed class HttpFrameReader(Stream input)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next request head including its blank line, or null at the end of the connection.</summary>
    public async Task<string?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var head = new StringBuilder();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                return null;
            }

            head.Append((char)_buffer[_start++]);
            if (head.Length >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                return head.ToString();
            }
        }
    }

    /// <summary>Copies the body that belongs to <paramref name="head"/> to <paramref name="output"/>.</summary>
    public async Task CopyBodyAsync(string head, Stream output, CancellationToken cancellationToken)
    {
        if (Header(head, "Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
        {
            while (true)
            {
                var sizeLine = await ReadLineAsync(cancellationToken);
                await output.WriteAsync(Encoding.ASCII.GetBytes(sizeLine + "\r\n"), cancellationToken);
                var size = long.Parse(sizeLine.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                await CopyAsync(size + 2, output, cancellationToken);
                if (size == 0)
                {
                    return;
                }
            }
        }

        if (long.TryParse(Header(head, "Content-Length"), CultureInfo.InvariantCulture, out var length))
        {
            await CopyAsync(length, output, cancellationToken);
        }
    }

    private static string? Header(string head, string name) =>
        head.Split("\r\n").Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(parts => parts[1].Trim())
            .FirstOrDefault();

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (!(line.Length >= 2 && line[^2] == '\r' && line[^1] == '\n'))
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw new IOException("the connection ended inside a chunked body");
            }

            line.Append((char)_buffer[_start++]);
        }

        return line.ToString(0, line.Length - 2);
    }

    private async Task CopyAsync(long count, Stream output, CancellationToken cancellationToken)
    {
        while (count > 0)
        {
            if (_start == _end && !await FillAsync(cancellationToken))
            {
                throw new IOException("the connection ended inside a body");
            }

            var take = (int)Math.Min(count, _end - _start);
            await output.WriteAsync(_buffer.AsMemory(_start, take), cancellationToken);
            _start += take;
            count -= take;
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await input.ReadAsync(_buffer, cancellationToken);
        return _end > 0;
    }
}
