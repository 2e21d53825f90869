using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Connector;

/// <summary>
/// The Bot Connector REST API v3 (teams-protocol.md §3.2). Every call names the serviceUrl it goes to;
/// failures surface as <see cref="ConnectorException"/> with a typed <see cref="ConnectorFailure"/>.
/// </summary>
public interface IConnectorClient
{
    Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);

    Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken);

    /// <summary>Every member, following continuation tokens until the last page.</summary>
    IAsyncEnumerable<TeamsChannelAccount> GetAllMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken);

    Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken);

    Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChannelSummary>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken);
}
