using System.Buffers.Binary;
using ConnectooBot.Web.Badges;

namespace ConnectooBot.Web.Tests.Badges;

public sealed class BadgeImageTests : IDisposable
{
    private readonly BadgeTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task BakedImage_IsAValidPngWithOneCredentialChunkWhoseTextVerifies()
    {
        var issued = await _host.IssueAsync();

        var response = await _host.CreateClient().GetAsync(BadgeTestHost.PathOf(issued.BakedImageUrl));
        var png = await response.Content.ReadAsByteArrayAsync();
        var chunks = PngCredentialBaker.Chunks(png).ToList();
        var credential = PngCredentialBaker.Extract(png);

        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);
        Assert.Equal(png.Length, chunks[^1].Offset + chunks[^1].TotalLength);
        Assert.All(chunks, c => Assert.Equal(StoredCrc(png, c), PngCredentialBaker.Crc(png.AsSpan(c.Offset + 4, c.Length + 4))));
        Assert.Equal("iTXt", chunks[^2].Type);
        Assert.Equal(issued.Record.Credential, credential);
        Assert.IsType<BadgeVerification.Valid>(await _host.Get<BadgeVerifier>().VerifyAsync(credential!, CancellationToken.None));
    }

    [Fact]
    public async Task PlainImage_IsThe512PixelBadgeWithoutCredential()
    {
        var png = await _host.CreateClient().GetByteArrayAsync("/badges/image.png");

        var header = PngCredentialBaker.Chunks(png).First();

        Assert.Equal("IHDR", header.Type);
        Assert.Equal(512u, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(header.DataOffset)));
        Assert.Equal(512u, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(header.DataOffset + 4)));
        Assert.Null(PngCredentialBaker.Extract(png));
    }

    [Fact]
    public void Bake_AnAlreadyBakedImage_ReplacesTheCredential()
    {
        var plain = new BadgeImage().Png;

        var twice = PngCredentialBaker.Bake(PngCredentialBaker.Bake(plain, "first.credential.jws"), "second.credential.jws");

        Assert.Single(PngCredentialBaker.Chunks(twice), c => c.Type == "iTXt");
        Assert.Equal("second.credential.jws", PngCredentialBaker.Extract(twice));
        Assert.Equal(plain.Length + 12 + "openbadgecredential".Length + 5 + "second.credential.jws".Length, twice.Length);
    }

    [Fact]
    public void Bake_NotAPng_Throws()
    {
        Assert.Throws<FormatException>(() => PngCredentialBaker.Bake("GIF89a not a png"u8, "x.y.z"));
    }

    private static uint StoredCrc(byte[] png, PngChunk chunk) =>
        BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(chunk.DataOffset + chunk.Length));
}
