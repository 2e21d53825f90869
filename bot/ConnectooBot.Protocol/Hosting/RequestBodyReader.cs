using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace ConnectooBot.Protocol.Hosting;

/// <summary>Reads a request body up to a limit without trusting Content-Length.</summary>
internal static class RequestBodyReader
{
    public static async Task<(ReadOnlyMemory<byte> Bytes, bool TooLarge)> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (ReadOnlyMemory<byte>.Empty, true);
        }

        var buffer = new ArrayBufferWriter<byte>(Math.Min(limit, (int?)request.ContentLength ?? 16 * 1024) + 1);
        while (true)
        {
            var span = buffer.GetMemory(8192);
            var read = await request.Body.ReadAsync(span, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return (buffer.WrittenMemory, false);
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return (ReadOnlyMemory<byte>.Empty, true);
            }
        }
    }
}
