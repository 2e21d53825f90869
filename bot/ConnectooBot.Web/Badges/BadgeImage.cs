namespace ConnectooBot.Web.Badges;

/// <summary>The Connectoo badge PNG (Assets/connectoo-badge.png, rendered from the SVG beside it), embedded in the app.</summary>
public sealed class BadgeImage
{
    private const string ResourceName = "ConnectooBot.Web.Badges.connectoo-badge.png";

    private readonly byte[] _png;

    public BadgeImage()
    {
        using var stream = typeof(BadgeImage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        _png = copy.ToArray();
    }

    /// <summary>The plain image (a copy).</summary>
    public byte[] Png => (byte[])_png.Clone();

    /// <summary>The image with <paramref name="credential"/> baked in.</summary>
    public byte[] Baked(string credential) => PngCredentialBaker.Bake(_png, credential);
}
