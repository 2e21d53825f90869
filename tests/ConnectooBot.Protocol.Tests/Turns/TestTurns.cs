using System.Runtime.CompilerServices;
using System.Security.Claims;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Schema;
using ConnectooBot.Protocol.Turns;

namespace ConnectooBot.Protocol.Tests.Turns;

/// <summary>Turns over an in-memory connector that only records what would have been sent.</summary>
internal static class TestTurns
{
    public static TurnContext For(Activity activity, NullConnector? connector = null) =>
        new(activity, new ClaimsIdentity(), connector ?? new NullConnector());

    public static Activity Message(string text) => new()
    {
        Type = ActivityTypes.Message,
        Id = "1",
        Text = text,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        Recipient = new ChannelAccount { Id = "28:bot" },
        From = new ChannelAccount { Id = "29:user" },
        Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal" },
    };
}

/// <summary>A connector that records sends and updates in memory (unit tests of the turn layer only).</summary>
internal sealed class NullConnector : IConnectorClient
{
    public List<(string Operation, string ConversationId, string? ActivityId, Activity? Activity)> Calls { get; } = [];

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        Calls.Add(("send", conversationId, null, activity));
        return Task.FromResult(new ResourceResponse($"sent-{Calls.Count}"));
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        Calls.Add(("reply", conversationId, activityId, activity));
        return Task.FromResult(new ResourceResponse($"sent-{Calls.Count}"));
    }

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        Calls.Add(("update", conversationId, activityId, activity));
        return Task.FromResult(new ResourceResponse(activityId));
    }

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken) => throw new NotSupportedException();

    public async IAsyncEnumerable<TeamsChannelAccount> GetAllMembersAsync(string serviceUrl, string conversationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        yield break;
    }

    public Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ChannelSummary>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) => throw new NotSupportedException();
}
