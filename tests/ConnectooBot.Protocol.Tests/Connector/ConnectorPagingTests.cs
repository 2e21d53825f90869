using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Tests.Connector;

/// <summary><c>GetAllMembersAsync</c> follows continuation tokens to the end (teams-protocol.md §3.6).</summary>
public sealed class ConnectorPagingTests : IAsyncLifetime
{
    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ConnectorTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetAllMembersAsync_1234MembersAtPageSize500_ReturnsAllInOrderWithThreeRequests()
    {
        var roster = ConnectorClientOperationTests.Members(1234);
        _host.Connector.SetRoster(roster, "19:team@thread.tacv2");

        var members = await Collect(_host.Client.GetAllMembersAsync(_host.ServiceUrl, "19:team@thread.tacv2", CancellationToken.None));

        Assert.Equal(roster.Select(m => m.Id), members.Select(m => m.Id));
        var requests = _host.Connector.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal("500", r.Query["pageSize"]));
        Assert.False(requests[0].Query.ContainsKey("continuationToken"));
        Assert.True(requests[2].Query.ContainsKey("continuationToken"));
    }

    [Fact]
    public async Task GetAllMembersAsync_PagesRepeatAMember_ReturnsEachIdOnce()
    {
        var roster = ConnectorClientOperationTests.Members(3);
        roster.Insert(2, roster[1]);
        roster.Add(roster[0]);
        _host.Connector.SetRoster(roster);
        _host.Connector.RosterPageSize = 2;

        var members = await Collect(_host.Client.GetAllMembersAsync(_host.ServiceUrl, "a:1", CancellationToken.None));

        Assert.Equal(["29:user-1", "29:user-2", "29:user-3"], members.Select(m => m.Id));
        Assert.Equal(3, _host.Connector.Requests.Count);
    }

    [Fact]
    public async Task GetAllMembersAsync_EmptyRoster_ReturnsNothingAfterOneRequest()
    {
        var members = await Collect(_host.Client.GetAllMembersAsync(_host.ServiceUrl, "a:1", CancellationToken.None));

        Assert.Empty(members);
        Assert.Single(_host.Connector.Requests);
    }

    private static async Task<List<TeamsChannelAccount>> Collect(IAsyncEnumerable<TeamsChannelAccount> members)
    {
        var list = new List<TeamsChannelAccount>();
        await foreach (var member in members)
        {
            list.Add(member);
        }

        return list;
    }
}
