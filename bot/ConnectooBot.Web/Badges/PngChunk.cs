namespace ConnectooBot.Web.Badges;

/// <summary>A chunk of a PNG datastream: 4-byte length, 4-byte type, data, 4-byte CRC.</summary>
public sealed record PngChunk(string Type, int Offset, int Length)
{
    public int DataOffset => Offset + 8;

    public int TotalLength => Length + 12;
}
