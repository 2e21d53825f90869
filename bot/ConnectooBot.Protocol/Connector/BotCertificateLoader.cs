using System.Security.Cryptography.X509Certificates;

namespace ConnectooBot.Protocol.Connector;

/// <summary>Loads <c>Bot:CertificatePath</c>: PEM (certificate and private key in one file) or PKCS#12 (PFX/P12).</summary>
internal static class BotCertificateLoader
{
    public static X509Certificate2 Load(string path, string? password)
    {
        if (IsPem(path))
        {
            return string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, password);
    }

    private static bool IsPem(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> start = stackalloc byte[11];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        return start[..read].SequenceEqual("-----BEGIN "u8);
    }
}
