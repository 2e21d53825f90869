using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// Bakes a credential into a PNG (OB 3.0 §5.3.1 "Baking"): an <c>iTXt</c> chunk with keyword
/// <c>openbadgecredential</c>, no compression, empty language tag and translated keyword, the compact JWS as text,
/// inserted before <c>IEND</c>; an existing credential chunk is replaced ("MUST NOT appear in a PNG more than once").
/// Chunk layout and CRC-32 per PNG §5.3/§11.3.4.5.
/// </summary>
public static class PngCredentialBaker
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Keyword = Encoding.Latin1.GetBytes(OpenBadgesTerms.PngKeyword);

    public static byte[] Bake(ReadOnlySpan<byte> png, string credential)
    {
        ArgumentException.ThrowIfNullOrEmpty(credential);
        var output = new MemoryStream(png.Length + credential.Length + 64);
        output.Write(Signature);
        var baked = false;
        foreach (var chunk in Chunks(png))
        {
            if (chunk.Type == "IEND")
            {
                WriteChunk(output, "iTXt", ITxtData(credential));
                baked = true;
            }

            if (!(chunk.Type == "iTXt" && IsCredentialChunk(png.Slice(chunk.DataOffset, chunk.Length))))
            {
                output.Write(png.Slice(chunk.Offset, chunk.TotalLength));
            }
        }

        return baked ? output.ToArray() : throw new FormatException("The PNG has no IEND chunk.");
    }

    /// <summary>The text of the first <c>openbadgecredential</c> iTXt chunk (OB 3.0 §5.3.1.2 "Extracting"), or null.</summary>
    public static string? Extract(ReadOnlySpan<byte> png)
    {
        foreach (var chunk in Chunks(png))
        {
            var data = png.Slice(chunk.DataOffset, chunk.Length);
            if (chunk.Type == "iTXt" && IsCredentialChunk(data))
            {
                // keyword \0 compression-flag compression-method language-tag \0 translated-keyword \0 text
                var rest = data[(Keyword.Length + 3)..];
                rest = rest[(rest.IndexOf((byte)0) + 1)..];
                rest = rest[(rest.IndexOf((byte)0) + 1)..];
                return Encoding.UTF8.GetString(rest);
            }
        }

        return null;
    }

    /// <summary>The chunks of a PNG (type, offsets); throws <see cref="FormatException"/> on a broken stream.</summary>
    public static IEnumerable<PngChunk> Chunks(ReadOnlySpan<byte> png)
    {
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            throw new FormatException("Not a PNG file.");
        }

        var chunks = new List<PngChunk>();
        var offset = Signature.Length;
        while (offset < png.Length)
        {
            if (offset + 12 > png.Length)
            {
                throw new FormatException("Truncated PNG chunk.");
            }

            var length = checked((int)BinaryPrimitives.ReadUInt32BigEndian(png[offset..]));
            if (offset + 12 + length > png.Length)
            {
                throw new FormatException("Truncated PNG chunk.");
            }

            var chunk = new PngChunk(Encoding.ASCII.GetString(png.Slice(offset + 4, 4)), offset, length);
            chunks.Add(chunk);
            offset += chunk.TotalLength;
            if (chunk.Type == "IEND")
            {
                break;
            }
        }

        return chunks;
    }

    /// <summary>PNG CRC-32 over a chunk's type and data.</summary>
    public static uint Crc(ReadOnlySpan<byte> typeAndData) => Crc32.HashToUInt32(typeAndData);

    private static bool IsCredentialChunk(ReadOnlySpan<byte> data) =>
        data.Length > Keyword.Length && data[..Keyword.Length].SequenceEqual(Keyword) && data[Keyword.Length] == 0;

    private static byte[] ITxtData(string text)
    {
        var data = new MemoryStream();
        data.Write(Keyword);
        data.Write([0, 0, 0]); // keyword terminator, compression flag 0 (uncompressed), compression method 0
        data.WriteByte(0); // empty language tag
        data.WriteByte(0); // empty translated keyword
        data.Write(Encoding.UTF8.GetBytes(text));
        return data.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(number, checked((uint)data.Length));
        output.Write(number);
        var typeAndData = new byte[4 + data.Length];
        Encoding.ASCII.GetBytes(type, typeAndData);
        data.CopyTo(typeAndData, 4);
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc(typeAndData));
        output.Write(number);
    }
}
