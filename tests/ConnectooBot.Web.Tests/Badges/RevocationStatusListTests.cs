using System.Buffers.Text;
using System.IO.Compression;
using ConnectooBot.Web.Badges;

namespace ConnectooBot.Web.Tests.Badges;

public sealed class RevocationStatusListTests
{
    [Fact]
    public void Encode_IsMultibaseBase64UrlOfA16KiloByteGzippedBitstring()
    {
        var encoded = RevocationStatusList.Encode([0, 9, 131_071]);

        using var gzip = new GZipStream(new MemoryStream(Base64Url.DecodeFromChars(encoded.AsSpan(1))), CompressionMode.Decompress);
        using var bits = new MemoryStream();
        gzip.CopyTo(bits);
        var bytes = bits.ToArray();

        Assert.StartsWith("u", encoded, StringComparison.Ordinal);
        Assert.DoesNotContain('=', encoded);
        Assert.Equal(16_384, bytes.Length);
        Assert.Equal(0b1000_0000, bytes[0]);
        Assert.Equal(0b0100_0000, bytes[1]);
        Assert.Equal(0b0000_0001, bytes[^1]);
    }

    [Fact]
    public void IsSet_ReadsBackExactlyTheRevokedIndexes()
    {
        var encoded = RevocationStatusList.Encode([5, 70_000]);

        Assert.True(RevocationStatusList.IsSet(encoded, 5));
        Assert.True(RevocationStatusList.IsSet(encoded, 70_000));
        Assert.False(RevocationStatusList.IsSet(encoded, 4));
        Assert.False(RevocationStatusList.IsSet(encoded, 6));
    }
}
