using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ConnectooBot.Learning.Badges;
using ConnectooBot.Web.Badges;

namespace ConnectooBot.Web.Tests.Badges.Schema;

/// <summary>
/// The official OB 3.0 AchievementCredential schema against what the issuer signs. The other badge tests are checked
/// too (their host wraps the store in <see cref="SchemaCheckedBadgeStore"/>); these show the check is real: it counts
/// every credential and refuses broken ones.
/// </summary>
public sealed class AchievementCredentialSchemaTests : IDisposable
{
    private readonly BadgeTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public void VendoredSchema_IsTheUnchangedOfficialFile()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Badges", "Schema", AchievementCredentialSchema.FileName));
        var readme = File.ReadAllText(Path.Combine(ContentPaths.RepositoryRoot, "tests", "ConnectooBot.Web.Tests", "Badges", "Schema", "README.md"));

        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(bytes)), readme, StringComparison.Ordinal);
        Assert.Equal("purl.imsglobal.org", AchievementCredentialSchema.Id.Host);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("de")]
    [InlineData("en")]
    public async Task IssuedCredential_InEachLanguage_MeetsTheOfficialSchema(string language)
    {
        var issued = await _host.IssueAsync(language: language);

        Assert.Empty(AchievementCredentialSchema.Violations(CredentialParts.Payload(issued.Record.Credential)));
        Assert.Equal(1, _host.Get<SchemaCheckedBadgeStore>().Checked);
    }

    [Fact]
    public async Task EveryIssuedCredential_IsCheckedBeforeItIsStored()
    {
        await _host.IssueAsync();
        await _host.IssueAsync(learner: new("tenant", "second-learner"), language: "nl");
        await _host.IssueAsync(); // the first learner again: the badge they hold, nothing new signed

        Assert.Equal(2, _host.Get<SchemaCheckedBadgeStore>().Checked);
    }

    [Theory]
    [InlineData("criteria")]
    [InlineData("validFrom")]
    [InlineData("type")]
    [InlineData("identityType")]
    [InlineData("context")]
    public async Task Schema_RefusesABrokenCredential(string breakage)
    {
        var issued = await _host.IssueAsync();
        var payload = CredentialParts.Payload(issued.Record.Credential);
        var expectedAt = breakage switch
        {
            "criteria" => Remove(payload["credentialSubject"]!["achievement"]!.AsObject(), "criteria", "/credentialSubject/achievement"),
            "validFrom" => Set(payload, "validFrom", "12/03/2026 09:30", "/validFrom"),
            "type" => Set(payload, "type", new JsonArray("VerifiableCredential"), "/type"),
            "identityType" => Set(payload["credentialSubject"]!["identifier"]![0]!.AsObject(), "identityType", "fullName", "/credentialSubject/identifier/0/identityType"),
            _ => Set(payload, "@context", new JsonArray(OpenBadgesTerms.OpenBadgesContext), "/@context"),
        };

        var violations = AchievementCredentialSchema.Violations(payload);

        Assert.Contains(violations, v => v.StartsWith(expectedAt, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SchemaCheckedStore_RefusesToStoreACredentialTheSchemaRefuses()
    {
        var issued = await _host.IssueAsync(language: "en");
        var payload = CredentialParts.Payload(issued.Record.Credential);
        payload["credentialSubject"]!["achievement"]!.AsObject().Remove("name");
        var broken = issued.Record with
        {
            Award = issued.Record.Award with { BadgeId = BadgeAward.NewBadgeId(), Learner = new("tenant", "another-learner") },
            Credential = CredentialParts.WithPayload(issued.Record.Credential, payload),
            StatusIndex = issued.Record.StatusIndex + 1,
        };

        var refused = await Assert.ThrowsAsync<SchemaViolationException>(() => _host.Store.SaveAsync(broken, CancellationToken.None));

        Assert.Contains("/credentialSubject/achievement", refused.Message, StringComparison.Ordinal);
        Assert.Null(await _host.Store.FindAsync(broken.BadgeId, CancellationToken.None));
    }

    private static string Remove(JsonObject node, string property, string at)
    {
        node.Remove(property);
        return at;
    }

    private static string Set(JsonObject node, string property, JsonNode value, string at)
    {
        node[property] = value;
        return at;
    }
}
