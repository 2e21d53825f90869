using ConnectooBot.Protocol.Connector;
using ConnectooBot.Testing.Connector;

namespace ConnectooBot.Protocol.Tests.Connector;

/// <summary>The token goes only to allow-listed hosts; anything else is refused before a byte is sent (teams-protocol.md §3.1).</summary>
public sealed class ConnectorHostAllowListTests
{
    private static readonly Dictionary<string, string?> OnlyIpLoopbackListed = new()
    {
        ["Bot:Connector:AllowLoopbackServiceUrls"] = "false",
        ["Bot:Connector:AllowedServiceHosts:0"] = "127.0.0.1",
    };

    [Fact]
    public async Task SendToConversationAsync_HostNotOnAllowList_RefusesWithoutSendingOrAskingForAToken()
    {
        // Same server, two names: 127.0.0.1 is listed, localhost is not (and loopback is not allowed as such).
        await using var host = await ConnectorTestHost.StartAsync(OnlyIpLoopbackListed);
        var unlisted = host.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        await ProveReachableWithoutTheGuard(unlisted, host.Connector);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(unlisted, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None));

        Assert.Equal(ConnectorFailure.HostNotAllowed, failure.Failure);
        Assert.Empty(host.Connector.Requests);
        Assert.Equal(0, host.Tokens.Calls);
        Assert.DoesNotContain(FakeBotAccessTokenProvider.DefaultToken, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversationAsync_HostOnAllowList_SendsTheToken()
    {
        await using var host = await ConnectorTestHost.StartAsync(OnlyIpLoopbackListed);

        await host.Client.SendToConversationAsync(host.ServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None);

        Assert.Equal($"Bearer {FakeBotAccessTokenProvider.DefaultToken}", Assert.Single(host.Connector.Requests).Authorization);
    }

    [Fact]
    public async Task GetAllMembersAsync_HostNotOnAllowList_RefusesEveryOperation()
    {
        await using var host = await ConnectorTestHost.StartAsync(OnlyIpLoopbackListed);
        var unlisted = host.ServiceUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

        var failure = await Assert.ThrowsAsync<ConnectorException>(async () =>
        {
            await foreach (var member in host.Client.GetAllMembersAsync(unlisted, "a:1", CancellationToken.None))
            {
                Assert.Fail($"Got member {member.Id}.");
            }
        });

        Assert.Equal(ConnectorFailure.HostNotAllowed, failure.Failure);
        Assert.Empty(host.Connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_LoopbackInProductionByDefault_IsRefused()
    {
        await using var host = await ConnectorTestHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:AppId"] = "11111111-1111-1111-1111-111111111111", ["Bot:AppType"] = "UserAssignedMSI" },
            environment: "Production");

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(host.ServiceUrl, "a:1", ConnectorClientOperationTests.Message("hi"), CancellationToken.None));

        Assert.Equal(ConnectorFailure.HostNotAllowed, failure.Failure);
        Assert.Empty(host.Connector.Requests);
    }

    /// <summary>Guards the test itself: without the allow-list the unlisted name would reach the server.</summary>
    private static async Task ProveReachableWithoutTheGuard(string serviceUrl, RecordingConnector connector)
    {
        using var plain = new HttpClient();
        using var response = await plain.GetAsync(new Uri(new Uri(serviceUrl), "v3/teams/probe"));
        Assert.True(response.IsSuccessStatusCode);
        Assert.Single(connector.Requests);
        connector.Clear();
    }
}
