using Microsoft.Extensions.Options;

namespace ConnectooBot.Web.Badges;

/// <summary>
/// Where the signing key comes from: <see cref="BadgeOptions.SigningKeyPem"/> when configured; in Development
/// otherwise a key generated once and kept in <see cref="BadgeOptions.DevelopmentKeyPath"/> (readable by the owner only).
/// </summary>
internal sealed class BadgeSigningKeySource(
    IOptions<BadgeOptions> options,
    IHostEnvironment environment,
    BadgeUrls urls,
    ILogger<BadgeSigningKeySource> logger)
{
    public BadgeSigningKey Load()
    {
        var configured = options.Value.SigningKeyPem;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return BadgeSigningKey.FromPem(configured, urls);
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException("Badges:SigningKeyPem is required outside Development.");
        }

        var path = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DevelopmentKeyPath));
        if (!File.Exists(path))
        {
            Create(path);
        }

        var key = BadgeSigningKey.FromPem(File.ReadAllText(path), urls);
        Log.DevelopmentBadgeKeyUsed(logger, path, key.Thumbprint);
        return key;
    }

    /// <summary>Writes a new key beside the target and moves it into place, so two hosts starting at once never read half a key.</summary>
    private void Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, BadgeSigningKey.GeneratePem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(temporary, path, overwrite: false);
            Log.DevelopmentBadgeKeyCreated(logger, path);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another host made it first: use theirs
        }
    }
}
