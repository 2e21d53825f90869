using System.Text.Json.Nodes;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Testing.Connector;

namespace ConnectooBot.Protocol.Tests.Connector;

/// <summary>Each connector operation against a real loopback server: URL, escaping, headers and body (teams-protocol.md §3.2).</summary>
public sealed class ConnectorClientOperationTests : IAsyncLifetime
{
    private const string ChannelThread = "19:abc@thread.tacv2;messageid=1712345600000";
    private const string EscapedChannelThread = "19%3Aabc%40thread.tacv2%3Bmessageid%3D1712345600000";
    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ConnectorTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SendToConversationAsync_ChannelThreadId_PostsToEscapedActivitiesPathWithTokenAndUtf8Json()
    {
        var response = await _host.Client.SendToConversationAsync(_host.ServiceUrl, ChannelThread, Message("Bonjour 👋 é"), CancellationToken.None);

        var request = Assert.Single(_host.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/teams/v3/conversations/{EscapedChannelThread}/activities", request.RawTarget);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal($"Bearer {FakeBotAccessTokenProvider.DefaultToken}", request.Authorization);
        Assert.Equal("Bonjour 👋 é", request.Activity?.Text);
        var delivered = Assert.Single(_host.Connector.Activities);
        Assert.Equal(ChannelThread, delivered.ConversationId);
        Assert.Equal(delivered.ActivityId, response.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_ActivityWithServerFields_StripsIdServiceUrlAndTimestampWithoutTouchingTheCaller()
    {
        var activity = Message("hi");
        activity.Id = "incoming-id";
        activity.ServiceUrl = "https://smba.trafficmanager.net/emea/";
        activity.Timestamp = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        await _host.Client.SendToConversationAsync(_host.ServiceUrl, "a:1", activity, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(_host.Connector.Requests).Body!)!.AsObject();
        Assert.False(body.ContainsKey("id"));
        Assert.False(body.ContainsKey("serviceUrl"));
        Assert.False(body.ContainsKey("timestamp"));
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("incoming-id", activity.Id);
        Assert.NotNull(activity.ServiceUrl);
    }

    [Fact]
    public async Task SendToConversationAsync_ServiceUrlWithoutTrailingSlash_UsesTheSamePath()
    {
        await _host.Client.SendToConversationAsync(_host.ServiceUrl.TrimEnd('/'), "a:1", Message("hi"), CancellationToken.None);

        Assert.Equal("/teams/v3/conversations/a%3A1/activities", Assert.Single(_host.Connector.Requests).RawTarget);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://127.0.0.1/teams/")]
    public async Task SendToConversationAsync_ServiceUrlNotAbsoluteHttp_ThrowsHostNotAllowedAndSendsNothing(string serviceUrl)
    {
        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            _host.Client.SendToConversationAsync(serviceUrl, "a:1", Message("hi"), CancellationToken.None));

        Assert.Equal(ConnectorFailure.HostNotAllowed, failure.Failure);
        Assert.Empty(_host.Connector.Requests);
    }

    [Fact]
    public async Task ReplyToActivityAsync_ActivityIdWithReservedCharacters_PostsToEscapedActivityPathWithReplyToId()
    {
        await _host.Client.ReplyToActivityAsync(_host.ServiceUrl, "a:1XyZ", "17123/4+5", Message("ack"), CancellationToken.None);

        var request = Assert.Single(_host.Connector.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/teams/v3/conversations/a%3A1XyZ/activities/17123%2F4%2B5", request.RawTarget);
        Assert.Equal("17123/4+5", request.Activity?.ReplyToId);
        Assert.Equal(ActivityOperation.Reply, Assert.Single(_host.Connector.Activities).Operation);
    }

    [Fact]
    public async Task UpdateActivityAsync_Always_PutsFullActivityCarryingTheReplacedId()
    {
        var activity = Message("updated");
        activity.Id = "something-else";

        var response = await _host.Client.UpdateActivityAsync(_host.ServiceUrl, "a:1", "1712345680000", activity, CancellationToken.None);

        var request = Assert.Single(_host.Connector.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal("/teams/v3/conversations/a%3A1/activities/1712345680000", request.RawTarget);
        Assert.Equal("1712345680000", request.Activity?.Id);
        Assert.Equal("updated", request.Activity?.Text);
        Assert.Equal("1712345680000", response.Id);
    }

    [Fact]
    public async Task DeleteActivityAsync_Always_SendsDeleteWithoutBody()
    {
        await _host.Client.DeleteActivityAsync(_host.ServiceUrl, ChannelThread, "1712345680000", CancellationToken.None);

        var request = Assert.Single(_host.Connector.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/teams/v3/conversations/{EscapedChannelThread}/activities/1712345680000", request.RawTarget);
        Assert.Null(request.Body);
        Assert.Equal(200, request.StatusCode);
    }

    [Fact]
    public async Task CreateConversationAsync_OnlyTenantIdGiven_SendsTenantInBothPlacesAndReturnsTheNewId()
    {
        var parameters = new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            TenantId = "tenant-1",
        };

        var created = await _host.Client.CreateConversationAsync(_host.ServiceUrl, parameters, CancellationToken.None);

        var request = Assert.Single(_host.Connector.Requests);
        Assert.Equal("/teams/v3/conversations", request.RawTarget);
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal("tenant-1", (string?)body["tenantId"]);
        Assert.Equal("tenant-1", (string?)body["channelData"]?["tenant"]?["id"]);
        Assert.Equal("29:user", (string?)body["members"]?[0]?["id"]);
        Assert.Equal(Assert.Single(_host.Connector.CreatedConversations).ConversationId, created.Id);
        Assert.Null(parameters.ChannelData);
    }

    [Fact]
    public async Task CreateConversationAsync_ChannelWithFirstActivity_SendsTenantFromChannelDataAndRecordsTheActivity()
    {
        var first = Message("Deployment started");
        first.Id = "ignored";
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = "19:abc@thread.tacv2" }, Tenant = new TenantInfo { Id = "tenant-2" } },
            Activity = first,
        };

        var created = await _host.Client.CreateConversationAsync(_host.ServiceUrl, parameters, CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(_host.Connector.Requests).Body!)!;
        Assert.Equal("tenant-2", (string?)body["tenantId"]);
        Assert.Null(body["activity"]?["id"]);
        Assert.Equal($"19:abc@thread.tacv2;messageid={created.ActivityId}", created.Id);
        var delivered = Assert.Single(_host.Connector.Activities);
        Assert.Equal(ActivityOperation.CreateConversation, delivered.Operation);
        Assert.Equal("Deployment started", delivered.Activity.Text);
    }

    [Fact]
    public async Task CreateConversationAsync_NoTenant_ThrowsBeforeSending()
    {
        var parameters = new ConversationParameters { Members = [new ChannelAccount { Id = "29:user" }] };

        await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.CreateConversationAsync(_host.ServiceUrl, parameters, CancellationToken.None));

        Assert.Empty(_host.Connector.Requests);
    }

    [Theory]
    [InlineData(10, "50")]
    [InlineData(200, "200")]
    [InlineData(5000, "500")]
    public async Task GetPagedMembersAsync_PageSize_IsClampedTo50Through500(int requested, string sent)
    {
        await _host.Client.GetPagedMembersAsync(_host.ServiceUrl, "19:team@thread.tacv2", requested, null, CancellationToken.None);

        var request = Assert.Single(_host.Connector.Requests);
        Assert.Equal("/v3/conversations/19:team@thread.tacv2/pagedmembers", request.Path);
        Assert.Equal(sent, request.Query["pageSize"]);
    }

    [Fact]
    public async Task GetPagedMembersAsync_ContinuationTokenWithReservedCharacters_RoundTripsEscaped()
    {
        _host.Connector.SetRoster(Members(60));
        var first = await _host.Client.GetPagedMembersAsync(_host.ServiceUrl, "a:1", 50, null, CancellationToken.None);

        var second = await _host.Client.GetPagedMembersAsync(_host.ServiceUrl, "a:1", 50, first.ContinuationToken, CancellationToken.None);

        Assert.Contains("+", first.ContinuationToken, StringComparison.Ordinal);
        Assert.Equal(first.ContinuationToken, _host.Connector.Requests[1].Query["continuationToken"]);
        Assert.Equal(10, second.Members?.Count);
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public async Task GetMemberAsync_UpnAsMemberId_GetsEscapedMemberPath()
    {
        _host.Connector.SetRoster([new TeamsChannelAccount { Id = "29:jane", Name = "Jane", UserPrincipalName = "jane@contoso.com", ObjectId = "oid-1" }]);

        var member = await _host.Client.GetMemberAsync(_host.ServiceUrl, "a:1", "jane@contoso.com", CancellationToken.None);

        Assert.Equal("/teams/v3/conversations/a%3A1/members/jane%40contoso.com", Assert.Single(_host.Connector.Requests).RawTarget);
        Assert.Equal("29:jane", member.Id);
        Assert.Equal("oid-1", member.EntraObjectId);
    }

    [Fact]
    public async Task GetMemberAsync_UnknownMember_ThrowsNotFound()
    {
        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            _host.Client.GetMemberAsync(_host.ServiceUrl, "a:1", "29:nobody", CancellationToken.None));

        Assert.Equal(ConnectorFailure.NotFound, failure.Failure);
        Assert.Equal("MemberNotFoundInConversation", failure.ErrorCode);
    }

    [Fact]
    public async Task GetTeamDetailsAsync_TeamId_GetsEscapedTeamPath()
    {
        _host.Connector.SetTeam(new TeamDetails("19:team@thread.tacv2", "Ops", "group-1"));

        var team = await _host.Client.GetTeamDetailsAsync(_host.ServiceUrl, "19:team@thread.tacv2", CancellationToken.None);

        Assert.Equal("/teams/v3/teams/19%3Ateam%40thread.tacv2", Assert.Single(_host.Connector.Requests).RawTarget);
        Assert.Equal(new TeamDetails("19:team@thread.tacv2", "Ops", "group-1"), team);
    }

    [Fact]
    public async Task GetTeamChannelsAsync_TeamId_ReturnsChannelsWithGeneralUnnamed()
    {
        _host.Connector.SetTeam(
            new TeamDetails("19:team@thread.tacv2", "Ops", null),
            new ChannelSummary("19:team@thread.tacv2", null),
            new ChannelSummary("19:other@thread.tacv2", "Releases"));

        var channels = await _host.Client.GetTeamChannelsAsync(_host.ServiceUrl, "19:team@thread.tacv2", CancellationToken.None);

        Assert.Equal("/teams/v3/teams/19%3Ateam%40thread.tacv2/conversations", Assert.Single(_host.Connector.Requests).RawTarget);
        Assert.Equal([new ChannelSummary("19:team@thread.tacv2", null), new ChannelSummary("19:other@thread.tacv2", "Releases")], channels);
    }

    internal static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    internal static List<TeamsChannelAccount> Members(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new TeamsChannelAccount { Id = $"29:user-{i}", Name = $"User {i}" })];
}
