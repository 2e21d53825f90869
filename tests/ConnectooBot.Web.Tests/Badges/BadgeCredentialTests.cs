using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ConnectooBot.Web.Badges;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConnectooBot.Web.Tests.Badges;

public sealed class BadgeCredentialTests : IDisposable
{
    private readonly BadgeTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Issue_CredentialFromTheEndpoint_VerifiesAgainstTheJwksServedByTheHost()
    {
        var issued = await _host.IssueAsync();
        var client = _host.CreateClient();

        var jwks = new JsonWebKeySet(await client.GetStringAsync("/badges/jwks.json"));
        var issuerId = JsonNode.Parse(await client.GetStringAsync("/badges/issuer"))!["id"]!.GetValue<string>();
        var credential = await client.GetStringAsync(BadgeTestHost.PathOf(issued.CredentialUrl));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(credential, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidIssuer = issuerId,
            ValidateAudience = false,
            ValidateLifetime = false,
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(issued.PageUrl, ((JsonWebToken)result.SecurityToken).Id);
        Assert.IsType<BadgeVerification.Valid>(await _host.Get<BadgeVerifier>().VerifyAsync(credential, CancellationToken.None));
    }

    [Fact]
    public async Task CredentialEndpoint_ServesTheCompactJwsAsTextPlain()
    {
        var issued = await _host.IssueAsync();

        var response = await _host.CreateClient().GetAsync(BadgeTestHost.PathOf(issued.CredentialUrl));

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(issued.Record.Credential, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Header_HasOnlyAlgKidAndTyp_AndTheKidDereferencesToThePublicJwk()
    {
        var issued = await _host.IssueAsync();
        var client = _host.CreateClient();

        var header = CredentialParts.Header(issued.Record.Credential);
        var jwk = JsonNode.Parse(await client.GetStringAsync(BadgeTestHost.PathOf(header["kid"]!.GetValue<string>())))!.AsObject();

        Assert.Equal(["alg", "kid", "typ"], header.Select(p => p.Key).Order());
        Assert.Equal("ES256", header["alg"]!.GetValue<string>());
        Assert.Equal("JWT", header["typ"]!.GetValue<string>());
        Assert.Equal(header["kid"]!.GetValue<string>(), jwk["kid"]!.GetValue<string>());
        Assert.Equal("EC", jwk["kty"]!.GetValue<string>());
    }

    [Fact]
    public async Task Payload_IsAnOpenBadgeCredentialWhoseJwtClaimsMirrorItsProperties()
    {
        var issued = await _host.IssueAsync();

        var payload = CredentialParts.Payload(issued.Record.Credential);
        var subject = payload["credentialSubject"]!.AsObject();

        Assert.Equal(
            [OpenBadgesTerms.CredentialsContext, OpenBadgesTerms.OpenBadgesContext],
            payload["@context"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], payload["type"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(payload["issuer"]!["id"]!.GetValue<string>(), payload["iss"]!.GetValue<string>());
        Assert.Equal(payload["id"]!.GetValue<string>(), payload["jti"]!.GetValue<string>());
        Assert.Equal(subject["id"]!.GetValue<string>(), payload["sub"]!.GetValue<string>());
        Assert.Equal("2026-03-12T09:30:15Z", payload["validFrom"]!.GetValue<string>());
        Assert.Equal(_host.Time.GetUtcNow().ToUnixTimeSeconds(), payload["nbf"]!.GetValue<long>());
        Assert.Null(payload["exp"]);
        Assert.Null(payload["iat"]);
        Assert.Null(payload["vc"]);
        Assert.Equal("AchievementSubject", subject["type"]![0]!.GetValue<string>());
        Assert.StartsWith("urn:uuid:", subject["id"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("http://localhost/badges/achievement/fr", subject["achievement"]!["id"]!.GetValue<string>());
        Assert.Equal("fr", subject["achievement"]!["inLanguage"]!.GetValue<string>());
    }

    [Fact]
    public async Task Subject_NamesTheLearner_AndCarriesTheEntraIdOnlyAsASaltedHash()
    {
        var issued = await _host.IssueAsync();

        var payload = CredentialParts.Payload(issued.Record.Credential);
        var identifiers = payload["credentialSubject"]!["identifier"]!.AsArray().Select(i => i!.AsObject()).ToList();
        var name = identifiers.Single(i => i["identityType"]!.GetValue<string>() == "name");
        var system = identifiers.Single(i => i["identityType"]!.GetValue<string>() == "systemId");

        Assert.Equal("Amélie Dupont-Peeters", name["identityHash"]!.GetValue<string>());
        Assert.False(name["hashed"]!.GetValue<bool>());
        Assert.True(system["hashed"]!.GetValue<bool>());
        Assert.Equal(
            IdentityHash.Sha256(BadgeTestHost.Learner.UserId.ToLowerInvariant(), system["salt"]!.GetValue<string>()),
            system["identityHash"]!.GetValue<string>());
        Assert.DoesNotContain(BadgeTestHost.Learner.UserId.ToLowerInvariant(), payload.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(BadgeTestHost.Learner.TenantId, payload.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Results_GiveEachModuleScore_AgainstAPercentResultDescriptionOfTheAchievement()
    {
        var issued = await _host.IssueAsync();

        var subject = CredentialParts.Payload(issued.Record.Credential)["credentialSubject"]!;
        var descriptions = subject["achievement"]!["resultDescription"]!.AsArray()
            .ToDictionary(d => d!["id"]!.GetValue<string>(), d => d!["resultType"]!.GetValue<string>());
        var results = subject["result"]!.AsArray()
            .Select(r => (Description: r!["resultDescription"]!.GetValue<string>(), Value: r["value"]!.GetValue<string>()))
            .ToList();

        Assert.Equal(BadgeTestHost.Scores.Select(s => s.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture)), results.Select(r => r.Value));
        Assert.All(results, r => Assert.Equal("Percent", descriptions[r.Description]));
        Assert.EndsWith("#digital-divide", results[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredentialStatus_IsABitstringStatusListEntryInTheIssuersRevocationList()
    {
        var issued = await _host.IssueAsync();

        var status = CredentialParts.Payload(issued.Record.Credential)["credentialStatus"]!.AsObject();

        Assert.Equal("BitstringStatusListEntry", status["type"]!.GetValue<string>());
        Assert.Equal("revocation", status["statusPurpose"]!.GetValue<string>());
        Assert.Equal("http://localhost/badges/status/revocation", status["statusListCredential"]!.GetValue<string>());
        Assert.Equal(issued.Record.StatusIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), status["statusListIndex"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("score")]
    [InlineData("name")]
    [InlineData("date")]
    public async Task TamperedPayload_WithTheOriginalSignature_IsInvalidSignature(string change)
    {
        var issued = await _host.IssueAsync();
        var payload = CredentialParts.Payload(issued.Record.Credential);
        switch (change)
        {
            case "score":
                payload["credentialSubject"]!["result"]![4]!["value"] = "100";
                break;
            case "name":
                payload["credentialSubject"]!["identifier"]![0]!["identityHash"] = "Mallory";
                break;
            default:
                payload["validFrom"] = "2020-01-01T00:00:00Z";
                payload["nbf"] = DateTimeOffset.Parse("2020-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds();
                break;
        }

        var verification = await _host.Get<BadgeVerifier>().VerifyAsync(CredentialParts.WithPayload(issued.Record.Credential, payload), CancellationToken.None);

        Assert.Equal(InvalidCodes.Signature, Assert.IsType<BadgeVerification.Invalid>(verification).Code);
    }

    [Fact]
    public async Task CredentialSignedByAnotherKey_UnderTheIssuersKeyId_IsInvalidSignature()
    {
        var issued = await _host.IssueAsync();
        var payload = CredentialParts.Payload(issued.Record.Credential);
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            payload.ToJsonString(),
            new SigningCredentials(new ECDsaSecurityKey(forger) { KeyId = _host.Get<BadgeSigningKey>().KeyId }, SecurityAlgorithms.EcdsaSha256));

        var verification = await _host.Get<BadgeVerifier>().VerifyAsync(forged, CancellationToken.None);

        Assert.Equal(InvalidCodes.Signature, Assert.IsType<BadgeVerification.Invalid>(verification).Code);
    }

    [Fact]
    public async Task CredentialSignedByAnotherIssuersKey_IsInvalid()
    {
        var issued = await _host.IssueAsync();
        using var other = BadgeSigningKey.FromPem(BadgeSigningKey.GeneratePem(), _host.Get<BadgeUrls>());
        var forged = new CredentialSigner(other).Sign(CredentialParts.Payload(issued.Record.Credential));

        var verification = await _host.Get<BadgeVerifier>().VerifyAsync(forged, CancellationToken.None);

        Assert.Equal(InvalidCodes.Signature, Assert.IsType<BadgeVerification.Invalid>(verification).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.")]
    public async Task Garbage_IsInvalid(string token)
    {
        var verification = await _host.Get<BadgeVerifier>().VerifyAsync(token, CancellationToken.None);

        Assert.IsType<BadgeVerification.Invalid>(verification);
    }

    [Fact]
    public async Task Issue_TwiceForTheSameLearner_ReturnsTheBadgeTheyHold()
    {
        var first = await _host.IssueAsync();

        var second = await _host.IssueAsync();

        Assert.Equal(first.Record.BadgeId, second.Record.BadgeId);
        Assert.Single(await _host.Store.FindByLearnerAsync(BadgeTestHost.Learner, CancellationToken.None));
    }

    [Fact]
    public async Task RsaKey_SignsWithRs256_AndVerifies()
    {
        using var rsa = RSA.Create(2048);
        using var host = new BadgeTestHost(signingKeyPem: rsa.ExportPkcs8PrivateKeyPem());
        var issued = await host.IssueAsync();

        var verification = await host.Get<BadgeVerifier>().VerifyAsync(issued.Record.Credential, CancellationToken.None);
        var jwk = JsonNode.Parse(await host.CreateClient().GetStringAsync("/badges/jwks.json"))!["keys"]![0]!;

        Assert.Equal("RS256", CredentialParts.Header(issued.Record.Credential)["alg"]!.GetValue<string>());
        Assert.IsType<BadgeVerification.Valid>(verification);
        Assert.Equal("RSA", jwk["kty"]!.GetValue<string>());
    }

    [Fact]
    public async Task Jwks_PublishesThePublicKeyOnly()
    {
        var jwks = JsonNode.Parse(await _host.CreateClient().GetStringAsync("/badges/jwks.json"))!["keys"]!.AsArray();

        var key = Assert.Single(jwks)!.AsObject();
        Assert.Equal(["alg", "crv", "kid", "kty", "use", "x", "y"], key.Select(p => p.Key).Order());
        Assert.Equal(_host.Get<BadgeSigningKey>().KeyId, key["kid"]!.GetValue<string>());
    }
}
