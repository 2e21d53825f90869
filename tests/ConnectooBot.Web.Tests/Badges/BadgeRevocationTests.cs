using System.Net;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Badges;
using ConnectooBot.Web.Badges;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ConnectooBot.Web.Tests.Badges;

public sealed class BadgeRevocationTests : IDisposable
{
    private readonly BadgeTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task RevokeCommand_MakesTheBadgeRevokedOnTheVerifyEndpoint()
    {
        var issued = await _host.IssueAsync();
        var output = new StringWriter();

        var exit = await BadgeCommands.RunAsync(["revoke", issued.Record.BadgeId, "--reason", "Awarded by mistake"], _host.Services, output, CancellationToken.None);
        var result = JsonNode.Parse(await _host.CreateClient().GetStringAsync(BadgeTestHost.PathOf(issued.VerifyUrl)))!;

        Assert.Equal(0, exit);
        Assert.Contains("revoked", output.ToString(), StringComparison.Ordinal);
        Assert.Equal("revoked", result["status"]!.GetValue<string>());
        Assert.Equal("Awarded by mistake", result["reason"]!.GetValue<string>());
        Assert.Equal("2026-03-12T09:30:15Z", result["revokedAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task RevokedBadge_PageSaysRevokedInWordsWithTheReason()
    {
        var issued = await _host.IssueAsync();
        await BadgeCommands.RunAsync(["revoke", "--reason", "Awarded by mistake", issued.Record.BadgeId], _host.Services, TextWriter.Null, CancellationToken.None);

        var html = await _host.CreateClient().GetStringAsync(BadgeTestHost.PathOf(issued.PageUrl) + "?lang=en");

        Assert.Contains("this badge is no longer valid", html, StringComparison.Ordinal);
        Assert.Contains("Awarded by mistake", html, StringComparison.Ordinal);
        Assert.DoesNotContain("has not revoked it", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedBadge_IsSetInTheSignedRevocationList()
    {
        var issued = await _host.IssueAsync();
        var other = await _host.IssueAsync(learner: new("tenant", "someone-else"));
        await _host.Store.RevokeAsync(issued.Record.BadgeId, "Awarded by mistake", _host.Time.GetUtcNow(), CancellationToken.None);
        var client = _host.CreateClient();

        var response = await client.GetAsync("/badges/status/revocation");
        var jwt = await response.Content.ReadAsStringAsync();
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(await client.GetStringAsync("/badges/jwks.json")).GetSigningKeys(),
            ValidIssuer = "http://localhost/badges/issuer",
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        var subject = CredentialParts.Payload(jwt)["credentialSubject"]!;
        var encoded = subject["encodedList"]!.GetValue<string>();

        Assert.Equal("application/vc+jwt", response.Content.Headers.ContentType?.MediaType);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("BitstringStatusList", subject["type"]!.GetValue<string>());
        Assert.Equal("revocation", subject["statusPurpose"]!.GetValue<string>());
        Assert.True(RevocationStatusList.IsSet(encoded, issued.Record.StatusIndex));
        Assert.False(RevocationStatusList.IsSet(encoded, other.Record.StatusIndex));
    }

    [Fact]
    public async Task ErasedLearner_TheirCredentialCopiesVerifyAsRevoked_AndThePageIsGone()
    {
        var issued = await _host.IssueAsync();
        await _host.Store.DeleteForLearnerAsync(BadgeTestHost.Learner, _host.Time.GetUtcNow(), CancellationToken.None);

        var verification = await _host.Get<BadgeVerifier>().VerifyAsync(issued.Record.Credential, CancellationToken.None);
        var page = await _host.CreateClient().GetAsync(BadgeTestHost.PathOf(issued.PageUrl));

        Assert.Equal(BadgeRevocation.ErasedReason, Assert.IsType<BadgeVerification.Revoked>(verification).Reason);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task RevokeCommand_RevokingTwice_KeepsTheFirstRevocation()
    {
        var issued = await _host.IssueAsync();
        await BadgeCommands.RunAsync(["revoke", issued.Record.BadgeId, "--reason", "First"], _host.Services, TextWriter.Null, CancellationToken.None);
        _host.Time.Advance(TimeSpan.FromDays(1));

        await BadgeCommands.RunAsync(["revoke", issued.Record.BadgeId, "--reason", "Second"], _host.Services, TextWriter.Null, CancellationToken.None);
        var record = await _host.Store.FindAsync(issued.Record.BadgeId, CancellationToken.None);

        Assert.Equal("First", record!.Revocation!.Reason);
    }

    [Theory]
    [InlineData(new[] { "revoke", "00000000000000000000000000000000", "--reason", "x" }, 1)]
    [InlineData(new[] { "revoke", "00000000000000000000000000000000" }, 2)]
    [InlineData(new[] { "revoke", "00000000000000000000000000000000", "--reason", "  " }, 2)]
    [InlineData(new[] { "show", "not-a-badge" }, 1)]
    [InlineData(new[] { "frobnicate" }, 2)]
    public async Task Commands_UnknownBadgeOrBadUsage_FailWithAnExitCode(string[] args, int expected)
    {
        var exit = await BadgeCommands.RunAsync(args, _host.Services, TextWriter.Null, CancellationToken.None);

        Assert.Equal(expected, exit);
    }

    [Fact]
    public async Task TryRunAsync_OtherArguments_LeaveTheWebHostToRun()
    {
        Assert.False(await BadgeCommands.TryRunAsync(["--urls", "http://127.0.0.1:3978"]));
    }
}
