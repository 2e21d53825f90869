using System.Buffers;
using System.IO.Compression;
using System.Text;
using Azure.Data.Tables;

namespace ConnectooBot.Storage.Tables;

/// <summary>
/// Long text in a row as Brotli-compressed UTF-8 in one binary column <c>{name}Br</c> (JSON is mostly repeated keys and
/// ids: about three times smaller, so a smaller request for storage to parse and a smaller row), else, when short or
/// when it would not fit a binary column, as text in <c>{name}</c>, <c>{name}1</c>… (<see cref="ChunkedText"/>). Reading
/// takes whichever the row has, so rows written before a column was compressed still read.
/// </summary>
internal static class CompressedText
{
    /// <summary>Text at least this long is compressed.</summary>
    public const int CompressFrom = 512;

    /// <summary>A binary property holds at most 64 KiB.</summary>
    private const int MaxBinaryBytes = 64 * 1024;

    /// <summary>Quality 1 (the fastest: about 30 µs for 7 KB of learner JSON, to a third of its size) and a 64 KiB window.</summary>
    private const int Quality = 1;
    private const int Window = 16;

    public static void Write(TableEntity entity, string name, string text)
    {
        if (text.Length >= CompressFrom && Compress(text) is { } compressed)
        {
            entity[name + "Br"] = compressed;
            return;
        }

        ChunkedText.Write(entity, name, text);
    }

    /// <summary>The text, or null when the row has neither column.</summary>
    public static string? Read(TableEntity entity, string name)
    {
        if (entity.GetBinary(name + "Br") is { } compressed)
        {
            using var input = new MemoryStream(compressed);
            using var brotli = new BrotliStream(input, CompressionMode.Decompress);
            using var reader = new StreamReader(brotli, Encoding.UTF8);
            return reader.ReadToEnd();
        }

        return entity.ContainsKey(name) ? ChunkedText.Read(entity, name) : null;
    }

    private static byte[]? Compress(string text)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        var compressed = ArrayPool<byte>.Shared.Rent(BrotliEncoder.GetMaxCompressedLength(utf8.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, utf8);
            return BrotliEncoder.TryCompress(utf8.AsSpan(0, length), compressed, out var written, Quality, Window) && written <= MaxBinaryBytes
                ? compressed.AsSpan(0, written).ToArray()
                : null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
            ArrayPool<byte>.Shared.Return(compressed);
        }
    }
}
