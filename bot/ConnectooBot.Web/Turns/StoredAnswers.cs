using System.Buffers;
using System.Buffers.Text;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Web.Turns;

/// <summary>
/// The invoke answer a claim keeps for a repeat of its activity (<see cref="Learning.Turns.ActivityClaim.Answer"/>), as
/// text: <c>{"status":200,"body":…}</c>, Brotli-compressed and base64url-encoded behind <c>br:</c> when that is shorter
/// (a card answer: less than half of its JSON, and no escaped quotes inside the row's claims). The answer rides in the
/// learner's row with every write and in this instance's copy of the row (<c>CachedLearnerStore</c>, up to 1,000
/// learners), so its size is paid on every turn and by every copy. Plain JSON text (what claims held before) still reads.
/// </summary>
internal static class StoredAnswers
{
    private const string CompressedPrefix = "br:";

    /// <summary>Quality 1 (the fastest) and a 64 KiB window, as the rows' own compressed columns.</summary>
    private const int Quality = 1;
    private const int Window = 16;

    public static string? Write(InvokeResponse? answer)
    {
        if (answer is null)
        {
            return null;
        }

        var json = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteNumber("status", answer.Status);
            writer.WritePropertyName("body");
            if (answer.Body is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                answer.Body.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        var compressed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(json.WrittenCount));
        try
        {
            return BrotliEncoder.TryCompress(json.WrittenSpan, compressed, out var written, Quality, Window)
                && CompressedPrefix.Length + Base64Url.GetEncodedLength(written) < json.WrittenCount
                    ? CompressedPrefix + Base64Url.EncodeToString(compressed.AsSpan(0, written))
                    : Encoding.UTF8.GetString(json.WrittenSpan);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    public static InvokeResponse? Read(string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        JsonNode? parsed;
        if (stored.StartsWith(CompressedPrefix, StringComparison.Ordinal))
        {
            using var brotli = new BrotliStream(new MemoryStream(Base64Url.DecodeFromChars(stored.AsSpan(CompressedPrefix.Length))), CompressionMode.Decompress);
            parsed = JsonNode.Parse(brotli);
        }
        else
        {
            parsed = JsonNode.Parse(stored);
        }

        return parsed is JsonObject answer ? new InvokeResponse(answer["status"]?.GetValue<int>() ?? 200, answer["body"]?.DeepClone()) : null;
    }
}
