using System.Text.Json.Nodes;
using ConnectooBot.Web.Badges;
using ConnectooBot.Web.Tests.Badges.Schema;

namespace ConnectooBot.Web.Tests.Badges;

/// <summary>
/// The badge flow on Azure Table storage through the app's own registration (Storage:ConnectionString). Runs when
/// the run's Azurite (never skipped).
/// </summary>
public sealed class BadgeTableBackendTests
{
    [Fact]
    public async Task IssueRevokeVerify_OnTableStorage()
    {
        using var host = new BadgeTestHost(tableConnectionString: (await ConnectooBot.Testing.Storage.Azurite.GetAsync()).ConnectionString);
        var issued = await host.IssueAsync();
        var client = host.CreateClient();
        var before = JsonNode.Parse(await client.GetStringAsync(BadgeTestHost.PathOf(issued.VerifyUrl)))!["status"]!.GetValue<string>();

        var exit = await BadgeCommands.RunAsync(["revoke", issued.Record.BadgeId, "--reason", "Test"], host.Services, TextWriter.Null, CancellationToken.None);
        var after = JsonNode.Parse(await client.GetStringAsync(BadgeTestHost.PathOf(issued.VerifyUrl)))!["status"]!.GetValue<string>();

        Assert.Equal("ConnectooBot.Storage.Tables.TableBadgeStore", host.Get<SchemaCheckedBadgeStore>().Inner.GetType().FullName);
        Assert.Equal(("valid", 0, "revoked"), (before, exit, after));
    }
}
