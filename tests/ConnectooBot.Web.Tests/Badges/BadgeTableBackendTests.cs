using System.Text.Json.Nodes;
using ConnectooBot.Web.Badges;

namespace ConnectooBot.Web.Tests.Badges;

/// <summary>
/// The badge flow on Azure Table storage through the app's own registration (Storage:ConnectionString). Runs when
/// <c>CONNECTOO_TEST_TABLES</c> holds a connection string (Azurite), skipped otherwise.
/// </summary>
public sealed class BadgeTableBackendTests
{
    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable("CONNECTOO_TEST_TABLES");

    [TablesFact]
    public async Task IssueRevokeVerify_OnTableStorage()
    {
        using var host = new BadgeTestHost(tableConnectionString: ConnectionString);
        var issued = await host.IssueAsync();
        var client = host.CreateClient();
        var before = JsonNode.Parse(await client.GetStringAsync(BadgeTestHost.PathOf(issued.VerifyUrl)))!["status"]!.GetValue<string>();

        var exit = await BadgeCommands.RunAsync(["revoke", issued.Record.BadgeId, "--reason", "Test"], host.Services, TextWriter.Null, CancellationToken.None);
        var after = JsonNode.Parse(await client.GetStringAsync(BadgeTestHost.PathOf(issued.VerifyUrl)))!["status"]!.GetValue<string>();

        Assert.Equal("ConnectooBot.Storage.Tables.TableBadgeStore", host.Store.GetType().FullName);
        Assert.Equal(("valid", 0, "revoked"), (before, exit, after));
    }

    private sealed class TablesFactAttribute : FactAttribute
    {
        public TablesFactAttribute()
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                Skip = "Set CONNECTOO_TEST_TABLES (e.g. UseDevelopmentStorage=true with Azurite running) to run the table tests.";
            }
        }
    }
}
