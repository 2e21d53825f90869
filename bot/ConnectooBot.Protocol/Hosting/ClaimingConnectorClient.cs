using System.Runtime.CompilerServices;
using ConnectooBot.Protocol.Connector;
using ConnectooBot.Protocol.Schema;

namespace ConnectooBot.Protocol.Hosting;

/// <summary>The connector a turn sees: every call first makes sure the turn holds its activity's claim (<see cref="TurnClaim.EnsureTakenAsync"/>).</summary>
internal sealed class ClaimingConnectorClient(IConnectorClient inner, TurnClaim claim) : IConnectorClient
{
    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        await claim.EnsureTakenAsync(cancellationToken).ConfigureAwait(false);
        return await inner.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        await claim.EnsureTakenAsync(cancellationToken).ConfigureAwait(false);
        return await inner.ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        await claim.EnsureTakenAsync(cancellationToken).ConfigureAwait(false);
        return await inner.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        await claim.EnsureTakenAsync(cancellationToken).ConfigureAwait(false);
        await inner.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        await claim.EnsureTakenAsync(cancellationToken).ConfigureAwait(false);
        return await inner.CreateConversationAsync(serviceUrl, parameters, cancellationToken).ConfigureAwait(false);
    }

    // Reads change nothing: they need no claim.
    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        inner.GetPagedMembersAsync(serviceUrl, conversationId, pageSize, continuationToken, cancellationToken);

    public async IAsyncEnumerable<TeamsChannelAccount> GetAllMembersAsync(string serviceUrl, string conversationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var member in inner.GetAllMembersAsync(serviceUrl, conversationId, cancellationToken).ConfigureAwait(false))
        {
            yield return member;
        }
    }

    public Task<TeamsChannelAccount> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken) =>
        inner.GetMemberAsync(serviceUrl, conversationId, memberId, cancellationToken);

    public Task<TeamDetails> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
        inner.GetTeamDetailsAsync(serviceUrl, teamId, cancellationToken);

    public Task<IReadOnlyList<ChannelSummary>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
        inner.GetTeamChannelsAsync(serviceUrl, teamId, cancellationToken);
}
