using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ConnectooBot.Web.Badges;
using Xunit.Abstractions;

namespace ConnectooBot.Web.Tests.Badges;

/// <summary>
/// The badge as an outside verifier sees it: the host runs on Kestrel at 127.0.0.1 and tests/badge-verifier
/// (Node + jose, none of our code) fetches the key through the credential's <c>kid</c> and the issuer's
/// <c>/.well-known/jwks.json</c>, verifies the ES256 signature and the claims, then reads the revocation bit in the
/// signed Bitstring Status List. The verdicts are written to the test output.
/// </summary>
public sealed class IndependentVerifierTests(ITestOutputHelper output) : IDisposable
{
    private readonly BadgeTestHost _host = BadgeTestHost.StartOnLoopback();
    private readonly string _folder = Directory.CreateTempSubdirectory("connectoo-verifier-").FullName;

    public void Dispose()
    {
        _host.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ValidBadge_FromItsWalletDownload_IsValid()
    {
        var issued = await _host.IssueAsync();

        var verdict = await VerifyAsync("valid badge", issued.WalletUrl);

        Assert.Equal("valid", verdict["status"]!.GetValue<string>());
        Assert.Equal(issued.PageUrl, verdict["credential"]!.GetValue<string>());
        Assert.Contains(verdict["checks"]!.AsArray(), c => c!["what"]!.GetValue<string>() == "credential" && c["alg"]!.GetValue<string>() == "ES256");
        Assert.Contains(verdict["checks"]!.AsArray(), c => c!["what"]!.GetValue<string>() == "status" && c["bit"]!.GetValue<int>() == 0 && c["mediaType"]!.GetValue<string>() == "application/vc+jwt");
    }

    [Fact]
    public async Task ValidBadge_SignedWithAnRsaKey_IsValidAsRs256()
    {
        using var rsa = RSA.Create(2048);
        using var host = BadgeTestHost.StartOnLoopback(rsa.ExportPkcs8PrivateKeyPem());
        var issued = await host.IssueAsync();

        var (verdict, text) = await IndependentVerifier.VerifyAsync(issued.WalletUrl, host.Time.GetUtcNow());
        output.WriteLine($"verify-badge.mjs verdict, valid badge signed RS256:{Environment.NewLine}{text}");

        Assert.Equal("valid", verdict["status"]!.GetValue<string>());
        Assert.Contains(verdict["checks"]!.AsArray(), c => c!["what"]!.GetValue<string>() == "credential" && c["alg"]!.GetValue<string>() == "RS256");
    }

    [Fact]
    public async Task RevokedBadge_ThroughTheRevokeCommand_IsRevoked()
    {
        var issued = await _host.IssueAsync();
        var other = await _host.IssueAsync(learner: new("tenant", "a-colleague"));
        Assert.Equal(0, await BadgeCommands.RunAsync(["revoke", issued.Record.BadgeId, "--reason", "Awarded by mistake"], _host.Services, TextWriter.Null, CancellationToken.None));

        var revoked = await VerifyAsync("revoked badge", await SaveAsync(issued.Record.Credential));
        var untouched = await VerifyAsync("the colleague's badge, after the revocation", await SaveAsync(other.Record.Credential));

        Assert.Equal("revoked", revoked["status"]!.GetValue<string>());
        Assert.Contains($"status list bit {issued.Record.StatusIndex} (revocation) is 1", revoked["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal("valid", untouched["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task TamperedBadge_WithTheOriginalSignature_IsInvalid()
    {
        var issued = await _host.IssueAsync();
        var payload = CredentialParts.Payload(issued.Record.Credential);
        payload["credentialSubject"]!["result"]![1]!["value"] = "100";

        var verdict = await VerifyAsync("tampered badge (a score raised)", await SaveAsync(CredentialParts.WithPayload(issued.Record.Credential, payload)));

        Assert.Equal("invalid", verdict["status"]!.GetValue<string>());
        Assert.Contains(verdict["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("ERR_JWS_SIGNATURE_VERIFICATION_FAILED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgedBadge_SignedWithAKeyTheIssuerDoesNotPublish_IsInvalid()
    {
        var issued = await _host.IssueAsync();
        using var forger = BadgeSigningKey.FromPem(BadgeSigningKey.GeneratePem(), _host.Get<BadgeUrls>());
        var forged = new CredentialSigner(forger).Sign(CredentialParts.Payload(issued.Record.Credential));

        var verdict = await VerifyAsync("badge signed with another key", await SaveAsync(forged));

        Assert.Equal("invalid", verdict["status"]!.GetValue<string>());
        Assert.Contains(verdict["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("the key (kid)", StringComparison.Ordinal));
    }

    private async Task<JsonObject> VerifyAsync(string label, string credential)
    {
        var (verdict, text) = await IndependentVerifier.VerifyAsync(credential, _host.Time.GetUtcNow());
        output.WriteLine($"verify-badge.mjs verdict, {label}:{Environment.NewLine}{text}");
        return verdict;
    }

    private async Task<string> SaveAsync(string compactJws)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".jwt");
        await File.WriteAllTextAsync(path, compactJws);
        return path;
    }
}
